package nl.welkom.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * A family friend's meeting log (docs/sync.md, "Meeting log"): the meetings they logged with each of
 * their families, written offline, and the families they have not met for a while. Get it from
 * {@link Welkom#meetings()}. Reads touch the store only; {@link #log} queues mutations sent with the
 * next sync. On a household's phone there are no meetings: the family does not receive them.
 *
 * <p><b>Quiet families.</b> A family is quiet from {@link #QUIET_DAYS} days after the last meeting
 * with it (pending or stored). With no meeting at all, the phone does not know when the match
 * started, so it counts from the day the household first arrived on this phone (remembered at the
 * sync that brought it); a household that leaves the phone and comes back starts a new count.
 */
public final class Meetings {

    /** Days without a meeting after which a family shows as quiet ("it has been a while"). */
    public static final int QUIET_DAYS = 21;

    private final LocalStore store;
    private final Clock clock;
    private final Journey journey;

    Meetings(LocalStore store, Clock clock, Journey journey) {
        this.store = store;
        this.clock = clock;
        this.journey = journey;
    }

    /**
     * One meeting as shown.
     *
     * @param meeting the server's meeting, or for a pending one a stand-in (id = the mutation id,
     *                loggedAt = when it was written on the phone)
     * @param pending not sent yet: it goes with the next sync
     */
    public record Entry(Meeting meeting, boolean pending) {
        /** The day of the meeting. */
        public LocalDate date() {
            return LocalDate.parse(meeting.date());
        }
    }

    /**
     * A family not met for a while.
     *
     * @param household the family
     * @param since     the day of the last meeting, or (none logged) the day it arrived on this phone
     * @param days      days from {@code since} to the day asked about, at least {@link #QUIET_DAYS}
     * @param met       true when {@code since} is a meeting, false when no meeting was ever logged here
     */
    public record Quiet(Household household, LocalDate since, long days, boolean met) {
    }

    /** The families on this phone, as {@link Journey#households()}. */
    public List<Household> households() {
        return Shelf.HOUSEHOLDS.all(store);
    }

    /**
     * Logs a meeting with a family, offline. Queues, in one transaction, a {@code TASK_COMPLETE} for
     * every chosen task that still shows open (exactly as {@link Journey#complete}, so it shows done at
     * once; a task already done is left as it is), then one {@code MEETING_LOG} whose value is the
     * JSON object of the contract and whose mutation id becomes the meeting's id.
     *
     * @param householdId the family met
     * @param date        the day, not after today (Europe/Amsterdam)
     * @param what        what they did together: 1 to {@link Meeting#MAX_WHAT} characters (code points), trimmed
     * @param taskIds     the family's tasks it moved forward; null or empty for none; repeats count once
     * @param note        a note for the coordinator, at most {@link Meeting#MAX_NOTE} characters; null or blank for none
     * @return the meeting as it now shows (pending)
     * @throws IllegalArgumentException for a date in the future, an empty or too long text, a too long
     *                                  note, a household not on this phone, a task not the household's, or
     *                                  a task the friend may not tick ({@link Journey#mayTick}: an officer's own task)
     */
    public Entry log(String householdId, LocalDate date, String what, List<String> taskIds, String note) {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(date, "date");
        if (date.isAfter(today())) {
            throw new IllegalArgumentException("A meeting cannot be in the future");
        }
        String text = what == null ? "" : what.trim();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            throw new IllegalArgumentException("A meeting needs a few words on what you did");
        }
        if (length > Meeting.MAX_WHAT) {
            throw new IllegalArgumentException("What you did has at most " + Meeting.MAX_WHAT + " characters");
        }
        String remark = note == null || note.trim().isEmpty() ? null : note.trim();
        if (remark != null && remark.codePointCount(0, remark.length()) > Meeting.MAX_NOTE) {
            throw new IllegalArgumentException("A note has at most " + Meeting.MAX_NOTE + " characters");
        }
        List<String> tasks = new ArrayList<>(new LinkedHashSet<>(taskIds == null ? Collections.<String>emptyList() : taskIds));
        Mutation[] queued = new Mutation[1];
        store.inTransaction(() -> {
            if (!Shelf.HOUSEHOLDS.get(store, householdId).isPresent()) {
                throw new IllegalArgumentException("No household " + householdId + " on this phone");
            }
            for (String taskId : tasks) {
                Optional<Task> task = taskId == null ? Optional.<Task>empty() : Shelf.TASKS.get(store, taskId);
                if (!task.isPresent() || !householdId.equals(task.get().householdId())) {
                    throw new IllegalArgumentException("Task " + taskId + " is not a task of this household");
                }
                if (!Journey.mayTick(task.get())) {
                    throw new IllegalArgumentException("Task " + taskId + " is the officer's own; only an officer ticks it");
                }
            }
            for (String taskId : tasks) {
                journey.complete(taskId); // queues nothing for a task already shown done
            }
            queued[0] = LocalView.newEdit(MutationType.MEETING_LOG, householdId, 0,
                    value(date, text, tasks, remark), clock);
            store.appendToOutbox(queued[0]);
        });
        return new Entry(asMeeting(queued[0]).get(), true);
    }

    /**
     * The family's open tasks a meeting may move forward: those the friend may tick
     * ({@link Journey#mayTick}; never the officer's own), as they show now (outbox applied), the ones
     * the friend helps with ({@code BUDDY}) first, then in journey order. Reads the store only.
     */
    public List<Task> tickable(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        List<Task> open = new ArrayList<>();
        for (Task t : journey.tasks(householdId)) {
            if (t.status() != TaskStatus.DONE && Journey.mayTick(t)) {
                open.add(t);
            }
        }
        open.sort(Comparator.comparing((Task t) -> t.assignee() == TaskAssignee.BUDDY ? 0 : 1));
        return Collections.unmodifiableList(open);
    }

    /**
     * The meetings with one family, newest first (by day, then by when they were logged): the
     * server's, and the pending ones from the outbox (one the server already has shows once, as the server's).
     */
    public List<Entry> of(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        List<Entry> entries = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Meeting m : Shelf.MEETINGS.all(store)) {
            if (householdId.equals(m.householdId())) {
                known.add(m.id());
                entries.add(new Entry(m, false));
            }
        }
        for (Mutation m : store.outbox()) {
            Optional<Meeting> pending = asMeeting(m);
            if (pending.isPresent() && householdId.equals(pending.get().householdId()) && !known.contains(m.id())) {
                entries.add(new Entry(pending.get(), true));
            }
        }
        entries.sort(NEWEST_FIRST);
        return Collections.unmodifiableList(entries);
    }

    /**
     * The families on a family friend's phone not met for {@link #QUIET_DAYS} days or more on
     * {@code today} (the rule is in the class comment), longest quiet first. Empty on a household's
     * phone, and for a household whose arrival this phone has not recorded yet.
     */
    public List<Quiet> quiet(LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<Quiet> quiet = new ArrayList<>();
        if (!familyFriend()) {
            return quiet;
        }
        for (Household h : households()) {
            List<Entry> meetings = of(h.id());
            LocalDate since;
            boolean met = !meetings.isEmpty();
            if (met) {
                since = meetings.get(0).date();
            } else {
                Optional<HouseholdArrival> arrival = Shelf.ARRIVALS.get(store, h.id());
                if (!arrival.isPresent()) {
                    continue;
                }
                since = LocalDate.parse(arrival.get().arrivedOn());
            }
            long days = ChronoUnit.DAYS.between(since, today);
            if (days >= QUIET_DAYS) {
                quiet.add(new Quiet(h, since, days, met));
            }
        }
        quiet.sort(Comparator.comparingLong((Quiet q) -> -q.days()).thenComparing(q -> q.household().id()));
        return Collections.unmodifiableList(quiet);
    }

    /** Today in Europe/Amsterdam by the library's clock: the day a meeting logged now is on, and the day to ask {@link #quiet} about. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Appointments.ZONE));
    }

    private boolean familyFriend() {
        return familyFriend(store);
    }

    static boolean familyFriend(LocalStore store) {
        Optional<Session> session = Shelf.SESSION.get(store);
        return session.isPresent() && session.get().role() == Role.BUDDY;
    }

    /** Newest first: by day, then by when logged, then by id. */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.meeting().date())
            .thenComparing(e -> e.meeting().loggedAt() == null ? "" : e.meeting().loggedAt())
            .thenComparing(e -> e.meeting().id())
            .reversed();

    /** The {@code MEETING_LOG} value: {@code {"date","what","taskIds"?,"note"?}}. */
    static String value(LocalDate date, String what, List<String> taskIds, String note) {
        JsonObject o = new JsonObject();
        o.addProperty("date", date.toString());
        o.addProperty("what", what);
        if (!taskIds.isEmpty()) {
            JsonArray ids = new JsonArray();
            for (String id : taskIds) {
                ids.add(id);
            }
            o.add("taskIds", ids);
        }
        if (note != null) {
            o.addProperty("note", note);
        }
        return Api.GSON.toJson(o);
    }

    /**
     * A queued {@code MEETING_LOG} as the meeting it becomes (loggedAt: when it was written); empty
     * for other mutations and for a value that does not read (it is still sent; the server decides).
     */
    static Optional<Meeting> asMeeting(Mutation m) {
        if (m.type() != MutationType.MEETING_LOG || m.value() == null) {
            return Optional.empty();
        }
        try {
            JsonObject o = Api.GSON.fromJson(m.value(), JsonObject.class);
            if (o == null || !o.has("date") || !o.has("what")) {
                return Optional.empty();
            }
            String date = o.get("date").getAsString();
            LocalDate.parse(date);
            List<String> tasks = new ArrayList<>();
            if (o.has("taskIds") && o.get("taskIds").isJsonArray()) {
                for (JsonElement e : o.getAsJsonArray("taskIds")) {
                    tasks.add(e.getAsString());
                }
            }
            String note = o.has("note") && !o.get("note").isJsonNull() ? o.get("note").getAsString() : null;
            return Optional.of(new Meeting(m.id(), m.entityId(), date, o.get("what").getAsString(),
                    Collections.unmodifiableList(tasks), note, m.createdAt()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers the day each household on a family friend's phone first arrived (the quiet count
     * without a meeting). Runs inside a pulled page's transaction; a household already remembered keeps its day.
     */
    static void rememberArrivals(LocalStore store, LocalDate today) {
        if (!familyFriend(store)) {
            return;
        }
        List<HouseholdArrival> fresh = new ArrayList<>();
        for (Household h : Shelf.HOUSEHOLDS.all(store)) {
            if (!Shelf.ARRIVALS.get(store, h.id()).isPresent()) {
                fresh.add(new HouseholdArrival(h.id(), today.toString()));
            }
        }
        Shelf.ARRIVALS.put(store, fresh);
    }
}
