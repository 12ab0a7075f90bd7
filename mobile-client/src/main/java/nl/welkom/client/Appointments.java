package nl.welkom.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The households' appointments on this phone (docs/sync.md, "Appointments"): what is coming, the
 * reminders due, which changed since the reader last looked, and the family's answer (offline,
 * queued as {@code APPOINTMENT_ANSWER}). Get it from {@link Welkom#appointments()}. Reads touch the
 * store only; times are instants, shown in {@link #ZONE}.
 *
 * <p>Reminders: <b>the evening before</b> — from 18:00 Europe/Amsterdam on the calendar day before
 * the start (a calendar rule, so a DST night moves nothing: 18:00 is 18:00 on the clock) — and
 * <b>one hour before</b> the start. Each is due once: until {@link #dismiss} or the start. An
 * appointment that moves (a new start) reminds again; a cancelled one does not remind.
 */
public final class Appointments {

    /** Where the people are: every appointment is shown and reminded in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The evening-before reminder starts at this local time on the day before. */
    public static final LocalTime EVENING_BEFORE = LocalTime.of(18, 0);
    /** The second reminder, before the start. */
    public static final Duration HOUR_BEFORE = Duration.ofHours(1);
    /** The longest note with an answer, in characters (code points). */
    public static final int MAX_NOTE_LENGTH = 500;

    private final LocalStore store;
    private final Clock clock;

    Appointments(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One appointment as the reader sees it: the server's copy with their pending answer on top. */
    public record Item(Appointment appointment, boolean changed, boolean answerPending) {
        public boolean cancelled() {
            return appointment.status() == AppointmentStatus.CANCELLED;
        }

        public Instant startsAt() {
            return Instant.parse(appointment.startsAt());
        }
    }

    /** Which reminder. */
    public enum ReminderKind { EVENING_BEFORE, HOUR_BEFORE }

    /** A reminder due now. */
    public record Reminder(ReminderKind kind, Item item) {
    }

    /**
     * Appointments not yet over (end after now), soonest first; cancelled ones included (see
     * {@link Item#cancelled()}), changed ones flagged, pending answers shown.
     */
    public List<Item> upcoming() {
        Instant now = Instant.now(clock);
        List<Mutation> outbox = store.outbox();
        List<Item> items = new ArrayList<>();
        for (Appointment a : Shelf.APPOINTMENTS.all(store)) {
            if (Instant.parse(a.endsAt()).isAfter(now)) {
                items.add(item(a, outbox));
            }
        }
        items.sort(Comparator.comparing(Item::startsAt).thenComparing(i -> i.appointment().id()));
        return Collections.unmodifiableList(items);
    }

    /** One appointment as shown, if on this phone. */
    public Optional<Item> get(String id) {
        Optional<Appointment> a = Shelf.APPOINTMENTS.get(store, Objects.requireNonNull(id, "id"));
        return a.isPresent() ? Optional.of(item(a.get(), store.outbox())) : Optional.<Item>empty();
    }

    /** Upcoming appointments whose time, place or status changed since the reader last saw them. */
    public List<Item> changed() {
        List<Item> changed = new ArrayList<>();
        for (Item i : upcoming()) {
            if (i.changed()) {
                changed.add(i);
            }
        }
        return Collections.unmodifiableList(changed);
    }

    /** The reader has seen the appointment as it is now: it is no longer flagged changed. Unknown ids are ignored. */
    public void markSeen(String id) {
        store.inTransaction(() -> {
            Optional<Appointment> a = Shelf.APPOINTMENTS.get(store, id);
            if (a.isPresent()) {
                AppointmentSeen seen = seen(a.get());
                Shelf.APPOINTMENTS_SEEN.put(store, Collections.singletonList(
                        new AppointmentSeen(a.get().id(), a.get().householdId(), a.get().sequence(), seen.dismissed())));
            }
        });
    }

    /**
     * The reminders due at {@code now}, soonest appointment first: per planned appointment not yet
     * started, the hour-before one within the hour before the start, else the evening-before one
     * from 18:00 the day before — each unless dismissed for this start time.
     */
    public List<Reminder> due(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Reminder> due = new ArrayList<>();
        List<Mutation> outbox = store.outbox();
        List<Appointment> all = new ArrayList<>(Shelf.APPOINTMENTS.all(store));
        all.sort(Comparator.comparing((Appointment a) -> Instant.parse(a.startsAt())).thenComparing(Appointment::id));
        for (Appointment a : all) {
            Instant start = Instant.parse(a.startsAt());
            if (a.status() == AppointmentStatus.CANCELLED || !now.isBefore(start)) {
                continue;
            }
            List<String> dismissed = seen(a).dismissed();
            if (!now.isBefore(start.minus(HOUR_BEFORE))) {
                if (!dismissed.contains(token(ReminderKind.HOUR_BEFORE, a))) {
                    due.add(new Reminder(ReminderKind.HOUR_BEFORE, item(a, outbox)));
                }
            } else if (!now.isBefore(eveningBefore(start)) && !dismissed.contains(token(ReminderKind.EVENING_BEFORE, a))) {
                due.add(new Reminder(ReminderKind.EVENING_BEFORE, item(a, outbox)));
            }
        }
        return Collections.unmodifiableList(due);
    }

    /** The moment the evening-before reminder starts: 18:00 Europe/Amsterdam on the day before the start. */
    public static Instant eveningBefore(Instant start) {
        return ZonedDateTime.ofInstant(start, ZONE).toLocalDate().minusDays(1).atTime(EVENING_BEFORE).atZone(ZONE).toInstant();
    }

    /** The reader has seen this reminder: it is not due again (for this start time). */
    public void dismiss(Reminder reminder) {
        Objects.requireNonNull(reminder, "reminder");
        store.inTransaction(() -> {
            Optional<Appointment> a = Shelf.APPOINTMENTS.get(store, reminder.item().appointment().id());
            if (!a.isPresent()) {
                return;
            }
            AppointmentSeen seen = seen(a.get());
            List<String> dismissed = new ArrayList<>(seen.dismissed());
            String token = token(reminder.kind(), a.get());
            if (!dismissed.contains(token)) {
                dismissed.add(token);
            }
            Shelf.APPOINTMENTS_SEEN.put(store, Collections.singletonList(
                    new AppointmentSeen(a.get().id(), a.get().householdId(), seen.sequence(), dismissed)));
        });
    }

    /**
     * The family's answer, offline: an {@code APPOINTMENT_ANSWER} mutation (value {@code ANSWER} or
     * {@code ANSWER:note}, base version the appointment's) is queued and shown at once on top of
     * the server's answer until the sync settles it; a later answer replaces an earlier one.
     *
     * @param note optional (null or blank = none), at most {@link #MAX_NOTE_LENGTH} characters
     * @return the appointment as it now shows
     * @throws IllegalArgumentException for {@link AppointmentAnswer#NONE}, a too long note, an
     *                                  appointment not on this phone, cancelled or already over
     */
    public Item answer(String id, AppointmentAnswer answer, String note) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
        if (answer == AppointmentAnswer.NONE) {
            throw new IllegalArgumentException("NONE is not an answer");
        }
        String text = note == null || note.trim().isEmpty() ? null : note.trim();
        if (text != null && text.codePointCount(0, text.length()) > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("A note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        Item[] result = new Item[1];
        store.inTransaction(() -> {
            Appointment a = Shelf.APPOINTMENTS.get(store, id)
                    .orElseThrow(() -> new IllegalArgumentException("No appointment " + id + " on this phone"));
            if (a.status() == AppointmentStatus.CANCELLED) {
                throw new IllegalArgumentException("The appointment is cancelled");
            }
            if (!Instant.parse(a.endsAt()).isAfter(Instant.now(clock))) {
                throw new IllegalArgumentException("The appointment is over");
            }
            String value = text == null ? answer.name() : answer.name() + ":" + text;
            store.appendToOutbox(LocalView.newEdit(MutationType.APPOINTMENT_ANSWER, id, a.version(), value, clock));
            result[0] = item(a, store.outbox());
        });
        return result[0];
    }

    private Item item(Appointment serverCopy, List<Mutation> outbox) {
        Appointment shown = serverCopy;
        boolean pending = false;
        for (Mutation m : outbox) {
            if (m.type() == MutationType.APPOINTMENT_ANSWER && serverCopy.id().equals(m.entityId())) {
                shown = apply(shown, m);
                pending = true;
            }
        }
        return new Item(shown, serverCopy.sequence() > seen(serverCopy).sequence(), pending);
    }

    private AppointmentSeen seen(Appointment a) {
        Optional<AppointmentSeen> seen = Shelf.APPOINTMENTS_SEEN.get(store, a.id());
        if (seen.isPresent() && seen.get().dismissed() != null) {
            return seen.get();
        }
        return new AppointmentSeen(a.id(), a.householdId(), seen.isPresent() ? seen.get().sequence() : a.sequence(),
                Collections.<String>emptyList());
    }

    private static String token(ReminderKind kind, Appointment a) {
        return kind.name() + "@" + a.startsAt();
    }

    /** An answer's effect on the server copy: the answer and its note; the version stays the server's. */
    static Appointment apply(Appointment a, Mutation m) {
        String value = m.value() == null ? "" : m.value();
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String note = colon < 0 ? null : value.substring(colon + 1);
        AppointmentAnswer answer;
        try {
            answer = AppointmentAnswer.valueOf(name);
        } catch (IllegalArgumentException e) {
            return a;
        }
        return new Appointment(a.id(), a.householdId(), a.memberIds(), a.type(), a.purpose(), a.startsAt(), a.endsAt(),
                a.placeId(), a.address(), a.byPhone(), a.bring(), a.interpreterLanguage(), a.withName(), a.status(),
                answer, note, a.sequence(), a.version());
    }
}
