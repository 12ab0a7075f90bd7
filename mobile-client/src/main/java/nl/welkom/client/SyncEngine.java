package nl.welkom.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.welkom.client.SyncListener.Phase;
import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Topic;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/**
 * Brings the store and the server level, in three steps that each commit on their own
 * (docs/sync.md, "One sync, step by step"):
 * <ol>
 *   <li><b>push</b> — akin to {@code git push}, and only when the outbox is not empty: send it in
 *       batches; for every mutation the server answered, drop it from the outbox, fold its effect
 *       into the server copy unless refused, and keep a {@link SyncNotice} for a refusal or a
 *       conflict, in one transaction per batch;</li>
 *   <li><b>pull</b> — akin to {@code git fetch} + fast-forward: fetch pages after the cursor and
 *       apply each page (households that entered or changed, households that left with their
 *       tasks and outbox entries, tasks, tombstones) and the new cursor in one transaction, until
 *       the server has no more;</li>
 *   <li><b>content</b> — like fetching a release only when its tag moved: the pull names the
 *       current pack version for the phone's language chain; only when it differs from the stored
 *       pack's is the pack fetched (revalidated with its ETag).</li>
 * </ol>
 * An up-to-date phone with an empty outbox therefore makes one request. A failure stops the sync;
 * what committed stays committed and the next sync continues from there. Network calls never run
 * inside a store transaction: the store is not locked while bytes trickle in over a slow link, so
 * screens keep reading and the reader keeps ticking tasks.
 */
final class SyncEngine {

    /** Mutations per push request: small enough for a flaky 2G connection to get through. */
    static final int PUSH_BATCH = 50;
    /** Items per pull page unless the builder says otherwise: the server's default. */
    static final int DEFAULT_PULL_LIMIT = 200;
    /** The server's maximum page size. */
    static final int MAX_PULL_LIMIT = 1000;

    private final Api api;
    private final LocalStore store;
    private final int pullLimit;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    SyncEngine(Api api, LocalStore store, int pullLimit, Clock clock) {
        this.clock = clock;
        this.api = api;
        this.store = store;
        this.pullLimit = pullLimit;
    }

    /** Counts of one sync and the notices it produced, in order. */
    private static final class Tally {
        int applied;
        int conflicts;
        int rejected;
        int pulled;
        boolean householdsPulled;
        final List<SyncNotice> notices = new ArrayList<>();
        /** Tasks whose own edits this sync pushed: their changes coming back are not news. */
        final Set<String> pushedTaskIds = new HashSet<>();
        final Set<String> changedTaskIds = new LinkedHashSet<>();
        final Set<String> newTaskIds = new LinkedHashSet<>();
        final List<String> newLessonIds = new ArrayList<>();
    }

    /**
     * Runs {@code work} while no sync runs and none can start (signing out, a new activation): a page
     * that is still downloading must not be written after the store forgot its owner. Waits for a
     * running sync to finish.
     */
    void exclusive(Runnable work) {
        while (!running.compareAndSet(false, true)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a sync to finish", e);
            }
        }
        try {
            work.run();
        } finally {
            running.set(false);
        }
    }

    SyncResult sync(SyncListener listener) throws WelkomException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A sync is already running");
        }
        try {
            ByteCounter counter = new ByteCounter();
            Tally tally = new Tally();
            push(listener, counter, tally);
            List<String> chain = Shelf.chain(store);
            String contentVersion = pull(listener, counter, tally, chain);
            listener.onProgress(Phase.CONTENT, 0, 1, counter.bytes());
            boolean current = contentIsCurrent(chain, contentVersion);
            Set<String> lessonsBefore = current ? Collections.<String>emptySet() : lessonIds();
            boolean contentUpdated = !current && refreshReading(chain, contentVersion, counter);
            if (contentUpdated && !lessonsBefore.isEmpty()) {
                for (String id : lessonIds()) {
                    if (!lessonsBefore.contains(id)) {
                        tally.newLessonIds.add(id);
                    }
                }
            }
            if (tally.householdsPulled && Shelf.COURSE.get(store).isPresent()) {
                // Course progress travels beside the household: a progress write moves the household
                // in the pull (docs/sync.md, "Course progress"). No course on the phone, no progress.
                List<CourseProgress> progress = api.courseProgress(counter);
                store.inTransaction(() -> Shelf.COURSE_PROGRESS.put(store, progress));
            }
            listener.onProgress(Phase.CONTENT, 1, 1, counter.bytes());
            listener.onProgress(Phase.DONE, 1, 1, counter.bytes());
            SyncResult result = new SyncResult(tally.applied, tally.conflicts, tally.rejected, tally.pulled, contentUpdated,
                    counter.bytes(), counter.requests(), tally.notices,
                    Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                    new ArrayList<>(tally.changedTaskIds), new ArrayList<>(tally.newTaskIds), tally.newLessonIds);
            store.inTransaction(() -> Shelf.LAST_SYNC.put(store, result));
            return result;
        } finally {
            running.set(false);
        }
    }

    private void push(SyncListener listener, ByteCounter counter, Tally tally) throws WelkomException {
        List<Mutation> outbox = store.outbox();
        int done = 0;
        listener.onProgress(Phase.PUSH, 0, outbox.size(), counter.bytes());
        for (int from = 0; from < outbox.size(); from += PUSH_BATCH) {
            List<Mutation> batch = outbox.subList(from, Math.min(outbox.size(), from + PUSH_BATCH));
            PushResponse response = api.push(new PushRequest(new ArrayList<>(batch)), counter);
            done += settle(batch, response.results() == null
                    ? Collections.<MutationResult>emptyList() : response.results(), tally, listener);
            listener.onProgress(Phase.PUSH, done, outbox.size(), counter.bytes());
        }
    }

    /**
     * Settles the answered mutations of one batch in one transaction. Every known outcome is final
     * (docs: MutationOutcome); a result with an outcome this client does not know leaves its
     * mutation in the outbox, which is safe because the server applies a mutation id at most once.
     * A refusal or a conflict becomes a notice in the same transaction that takes the edit out of
     * the outbox: the edit never leaves the phone without a trace.
     */
    private int settle(List<Mutation> batch, List<MutationResult> results, Tally tally, SyncListener listener) {
        Map<String, Mutation> sent = new LinkedHashMap<>();
        for (Mutation m : batch) {
            sent.put(m.id(), m);
        }
        int[] counts = new int[3];
        List<SyncNotice> notices = new ArrayList<>();
        store.inTransaction(() -> {
            Arrays.fill(counts, 0);
            notices.clear();
            for (MutationResult result : results) {
                Mutation m = result == null ? null : sent.remove(result.mutationId());
                if (m == null || result.outcome() == null) {
                    continue;
                }
                tally.pushedTaskIds.add(m.entityId());
                store.removeFromOutbox(Collections.singletonList(m.id()));
                if (result.outcome() == MutationOutcome.REJECTED) {
                    notices.add(new SyncNotice(SyncNotice.Kind.REJECTED, m, result.detail()));
                    counts[2]++;
                    continue;
                }
                // Applied on the server: make it part of the server copy so the view does not
                // flicker back before the pull brings the new version.
                if (m.type() == MutationType.COURSE_ANSWER || m.type() == MutationType.COURSE_LESSON_DONE) {
                    CourseProgress folded = CourseView.fold(Shelf.COURSE_PROGRESS.all(store), m, Shelf.COURSE.get(store).orElse(null),
                            householdOf(m.entityId()));
                    if (folded != null) {
                        Shelf.COURSE_PROGRESS.put(store, Collections.singletonList(folded));
                    }
                }
                if (m.type() == MutationType.APPOINTMENT_ANSWER) {
                    Optional<Appointment> appointment = Shelf.APPOINTMENTS.get(store, m.entityId());
                    if (appointment.isPresent()) {
                        Shelf.APPOINTMENTS.put(store, Collections.singletonList(Appointments.apply(appointment.get(), m)));
                    }
                }
                if (m.type() == MutationType.MESSAGE_SEND || m.type() == MutationType.QUESTION_ASK) {
                    // Delivered: it stays in the conversation until the pull brings the server's copy.
                    Optional<Message> delivered = Messages.asMessage(store, m);
                    if (delivered.isPresent() && Shelf.HOUSEHOLDS.get(store, delivered.get().householdId()).isPresent()
                            && !Shelf.MESSAGES.get(store, m.id()).isPresent()) {
                        Shelf.MESSAGES.put(store, Collections.singletonList(delivered.get()));
                    }
                }
                if (m.type() == MutationType.MEETING_LOG) {
                    // Logged: it stays in the family's log until the pull brings the server's copy.
                    Optional<Meeting> logged = Meetings.asMeeting(m);
                    if (logged.isPresent() && Shelf.HOUSEHOLDS.get(store, logged.get().householdId()).isPresent()
                            && !Shelf.MEETINGS.get(store, m.id()).isPresent()) {
                        Shelf.MEETINGS.put(store, Collections.singletonList(logged.get()));
                    }
                }
                Optional<Task> copy = Shelf.TASKS.get(store, m.entityId());
                if (copy.isPresent()) {
                    Shelf.TASKS.put(store, Collections.singletonList(LocalView.apply(copy.get(), m)));
                }
                if (result.outcome() == MutationOutcome.APPLIED_WITH_CONFLICT) {
                    notices.add(new SyncNotice(SyncNotice.Kind.CONFLICT, m, result.detail()));
                    counts[1]++;
                } else {
                    counts[0]++;
                }
            }
            for (SyncNotice n : notices) {
                store.addNotice(n);
            }
        });
        tally.applied += counts[0];
        tally.conflicts += counts[1];
        tally.rejected += counts[2];
        report(notices, tally, listener);
        return counts[0] + counts[1] + counts[2];
    }

    /** Pulls until the server has no more; returns the content version the last page named (may be null). */
    private String pull(SyncListener listener, ByteCounter counter, Tally tally, List<String> chain)
            throws WelkomException {
        long cursor = store.syncCursor();
        // The very first pull brings everything: nothing in it is "news" to tell the reader about.
        boolean firstPull = cursor == 0;
        listener.onProgress(Phase.PULL, 0, -1, counter.bytes());
        while (true) {
            PullResponse page = api.pull(cursor, pullLimit, chain, counter);
            List<Household> households = validHouseholds(page.households());
            List<Task> tasks = validTasks(page.tasks());
            List<String> deleted = ids(page.deletedTaskIds());
            // A household listed both as a snapshot and as removed is in scope at the end of the page
            // (docs/sync.md asks the server to list each at most once; a snapshot is the safer reading
            // for convergence, and the next change of scope comes as its own change).
            Set<String> present = new HashSet<>();
            for (Household h : households) {
                present.add(h.id());
            }
            Set<String> removed = new LinkedHashSet<>(ids(page.removedHouseholdIds()));
            removed.removeAll(present);
            List<Task> kept = new ArrayList<>();
            for (Task t : tasks) {
                if (!removed.contains(t.householdId())) {
                    kept.add(t);
                }
            }
            List<Appointment> appointments = new ArrayList<>();
            for (Appointment a : validAppointments(page.appointments())) {
                if (!removed.contains(a.householdId())) {
                    appointments.add(a);
                }
            }
            List<Message> messages = new ArrayList<>();
            for (Message m : validMessages(page.messages())) {
                if (!removed.contains(m.householdId())) {
                    messages.add(m);
                }
            }
            List<Announcement> announcements = validAnnouncements(page.announcements());
            List<Meeting> meetings = new ArrayList<>();
            for (Meeting m : validMeetings(page.meetings())) {
                if (!removed.contains(m.householdId())) {
                    meetings.add(m);
                }
            }
            // The cursor never moves back: an empty page may answer 0.
            long next = Math.max(cursor, page.cursor());
            if (page.hasMore() && next == cursor) {
                throw Api.unexpected("The sync cursor did not advance");
            }
            List<SyncNotice> notices = new ArrayList<>();
            store.inTransaction(() -> {
                notices.clear();
                if (!firstPull) {
                    news(kept, tally);
                }
                for (Mutation dropped : store.removeHouseholds(removed)) {
                    SyncNotice n = new SyncNotice(SyncNotice.Kind.DISCARDED, dropped,
                            "The household is no longer shared with this phone.");
                    store.addNotice(n);
                    notices.add(n);
                }
                Shelf.HOUSEHOLDS.put(store, households);
                Shelf.TASKS.put(store, kept);
                Shelf.TASKS.delete(store, deleted);
                Shelf.APPOINTMENTS.put(store, appointments);
                firstSeen(appointments);
                Shelf.MESSAGES.put(store, messages);
                settleDelivered(messages);
                Shelf.MEETINGS.put(store, meetings);
                settleLogged(meetings);
                Meetings.rememberArrivals(store, LocalDate.now(clock.withZone(Appointments.ZONE)));
                Announcements.store(store, announcements, LocalDate.now(clock.withZone(Appointments.ZONE)));
                store.saveSyncCursor(next);
            });
            report(notices, tally, listener);
            tally.pulled += households.size() + removed.size() + kept.size() + deleted.size() + appointments.size()
                    + messages.size() + announcements.size() + meetings.size();
            tally.householdsPulled |= !households.isEmpty();
            cursor = next;
            listener.onProgress(Phase.PULL, tally.pulled, -1, counter.bytes());
            if (!page.hasMore()) {
                return page.contentVersion();
            }
        }
    }

    /**
     * An appointment the phone gets for the first time is "seen" at its current sequence: it is new,
     * not changed. Only a sequence that rises after that flags it ({@link Appointments#changed()}).
     */
    private void firstSeen(List<Appointment> pulled) {
        List<AppointmentSeen> fresh = new ArrayList<>();
        for (Appointment a : pulled) {
            if (!Shelf.APPOINTMENTS_SEEN.get(store, a.id()).isPresent()) {
                fresh.add(new AppointmentSeen(a.id(), a.householdId(), a.sequence(), Collections.<String>emptyList()));
            }
        }
        Shelf.APPOINTMENTS_SEEN.put(store, fresh);
    }

    /**
     * A pulled message whose id is a queued {@code MESSAGE_SEND} or {@code QUESTION_ASK} has arrived:
     * that outbox entry is settled (a push whose answer was lost must not leave it pending, nor
     * send it again for nothing). Entries the page does not name stay queued.
     */
    private void settleDelivered(List<Message> pulled) {
        if (pulled.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Message m : pulled) {
            ids.add(m.id());
        }
        List<String> delivered = new ArrayList<>();
        for (Mutation m : store.outbox()) {
            if ((m.type() == MutationType.MESSAGE_SEND || m.type() == MutationType.QUESTION_ASK) && ids.contains(m.id())) {
                delivered.add(m.id());
            }
        }
        if (!delivered.isEmpty()) {
            store.removeFromOutbox(delivered);
        }
    }

    /**
     * A pulled meeting whose id is a queued {@code MEETING_LOG} has arrived: that outbox entry is
     * settled, like a delivered message ({@link #settleDelivered}).
     */
    private void settleLogged(List<Meeting> pulled) {
        if (pulled.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Meeting m : pulled) {
            ids.add(m.id());
        }
        List<String> logged = new ArrayList<>();
        for (Mutation m : store.outbox()) {
            if (m.type() == MutationType.MEETING_LOG && ids.contains(m.id())) {
                logged.add(m.id());
            }
        }
        if (!logged.isEmpty()) {
            store.removeFromOutbox(logged);
        }
    }

    /** Which pulled tasks are new on the phone, and which someone else changed (compared with the server copy). */
    private void news(List<Task> pulled, Tally tally) {
        if (pulled.isEmpty()) {
            return;
        }
        Map<String, Task> stored = new HashMap<>();
        for (Task t : Shelf.TASKS.all(store)) {
            stored.put(t.id(), t);
        }
        for (Task t : pulled) {
            Task before = stored.get(t.id());
            if (before == null) {
                tally.newTaskIds.add(t.id());
            } else if (!tally.pushedTaskIds.contains(t.id()) && !sameForTheReader(before, t)) {
                tally.changedTaskIds.add(t.id());
            }
        }
    }

    private static boolean sameForTheReader(Task a, Task b) {
        return a.status() == b.status() && Objects.equals(a.note(), b.note())
                && Objects.equals(a.dueDate(), b.dueDate()) && Objects.equals(a.titles(), b.titles());
    }

    private static void report(List<SyncNotice> notices, Tally tally, SyncListener listener) {
        for (SyncNotice n : notices) {
            tally.notices.add(n);
            listener.onNotice(n);
        }
    }

    /**
     * True when the pull named a content version and the stored pack is that version for the same
     * chain (and the reader did not change languages meanwhile). Without a version (a server that
     * does not send one) the pack is revalidated with its ETag instead.
     */
    private boolean contentIsCurrent(List<String> pulledChain, String contentVersion) {
        List<String> chain = Shelf.chain(store);
        return contentVersion != null && chain.equals(pulledChain)
                && (contentVersion.equals(Shelf.READING_VERSION.version(store, chain).orElse(null))
                        || contentVersion.equals(Shelf.CONTENT.version(store, chain).orElse(null)));
    }

    /**
     * Refreshes the pack, and — when the pull's version covers more than the pack (docs/sync.md,
     * step 3: a server with a course, a phrasebook and places combines their versions) — the course,
     * the phrasebook and the caller's municipality's places, each revalidated with its ETag; then
     * records the version they are current with.
     * A version equal to the pack's own comes from a server without them: nothing more is fetched.
     */
    private boolean refreshReading(List<String> chain, String contentVersion, ByteCounter counter)
            throws WelkomException {
        boolean updated = refreshContent(counter);
        if (contentVersion == null || contentVersion.equals(Shelf.CONTENT.version(store, chain).orElse(null))) {
            return updated;
        }
        Api.Fetched<Course> course = api.course(chain, Shelf.COURSE.usableEtag(store, chain).orElse(null), counter);
        Api.Fetched<Phrasebook> phrasebook = api.phrasebook(chain, Shelf.PHRASEBOOK.usableEtag(store, chain).orElse(null), counter);
        Api.Fetched<Places> places = api.places(chain, Shelf.PLACES.usableEtag(store, chain).orElse(null), counter);
        requireAskedLanguages(chain, course == null || course.body == null ? null : course.body.languages(), "course");
        requireAskedLanguages(chain, phrasebook == null || phrasebook.body == null ? null : phrasebook.body.languages(),
                "phrasebook");
        requireAskedLanguages(chain, places == null || places.body == null ? null : places.body.languages(), "places");
        store.inTransaction(() -> {
            if (places != null && places.body != null) {
                Shelf.PLACES.put(store, chain, places.etag, places.body);
            }
            if (course != null && course.body != null) {
                Shelf.COURSE.put(store, chain, course.etag, course.body);
            }
            if (phrasebook != null && phrasebook.body != null) {
                Shelf.PHRASEBOOK.put(store, chain, phrasebook.etag, phrasebook.body);
            }
            Shelf.READING_VERSION.put(store, chain, null, contentVersion);
        });
        return updated || course != null || phrasebook != null || places != null;
    }

    /**
     * Refuses a document resolved for languages the phone did not ask for (a confused proxy, a server
     * bug): storing it would replace what the reader has with text in a language nobody chose. The
     * server may drop codes it does not offer and adds its source language, Dutch, at the end; any
     * other language fails the sync with an unexpected-answer error, and the stored document stays.
     */
    private static void requireAskedLanguages(List<String> asked, List<String> got, String what)
            throws WelkomApiException {
        if (got == null || asked.isEmpty()) {
            return; // no choice made: whatever the server's default is
        }
        // What the server may answer for what was asked: the code in lower case, its language
        // without the region (ar-SY → ar), and Dari for Afghan Persian (fa-AF → prs), as it maps them.
        Set<String> allowed = new HashSet<>();
        for (String code : asked) {
            String lower = code.toLowerCase(Locale.ROOT);
            allowed.add(lower);
            int dash = lower.indexOf('-');
            allowed.add(dash > 0 ? lower.substring(0, dash) : lower);
            if (lower.equals("fa-af")) {
                allowed.add("prs");
            }
        }
        for (String language : got) {
            if (language != null && !language.equals("nl") && !allowed.contains(language)) {
                throw Api.unexpected("The " + what + " is in " + got + ", the phone asked for " + asked);
            }
        }
    }

    /** The ids of the lessons on the phone. */
    private Set<String> lessonIds() {
        Set<String> ids = new LinkedHashSet<>();
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        if (pack.isPresent() && pack.get().topics() != null) {
            for (Topic topic : pack.get().topics()) {
                if (topic.lessons() != null) {
                    for (Lesson lesson : topic.lessons()) {
                        ids.add(lesson.id());
                    }
                }
            }
        }
        return ids;
    }

    /** The household of a member, from the stored households; null when unknown. */
    private String householdOf(String memberId) {
        for (Household h : Shelf.HOUSEHOLDS.all(store)) {
            if (h.members() == null) {
                continue;
            }
            for (Member member : h.members()) {
                if (memberId.equals(member.id())) {
                    return h.id();
                }
            }
        }
        return null;
    }

    /** Fails rather than drop silently: a household without id cannot be stored or shown. */
    private static List<Household> validHouseholds(List<Household> households) throws WelkomApiException {
        if (households == null) {
            return Collections.emptyList();
        }
        for (Household h : households) {
            if (h == null || h.id() == null) {
                throw Api.unexpected("A pulled household has no id");
            }
        }
        return households;
    }

    /**
     * Fails rather than drop silently: an appointment without id, household, times or status cannot
     * be stored or shown. A null list (a server from before appointments) is none.
     */
    private static List<Appointment> validAppointments(List<Appointment> appointments) throws WelkomApiException {
        if (appointments == null) {
            return Collections.emptyList();
        }
        for (Appointment a : appointments) {
            if (a == null || a.id() == null || a.householdId() == null || a.startsAt() == null || a.endsAt() == null
                    || a.status() == null || a.type() == null) {
                throw Api.unexpected("A pulled appointment has no id, household, time, type or status");
            }
            try {
                Instant.parse(a.startsAt());
                Instant.parse(a.endsAt());
            } catch (java.time.format.DateTimeParseException e) {
                throw Api.unexpected("A pulled appointment has a time that is not an instant");
            }
        }
        return appointments;
    }

    /**
     * Fails rather than drop silently: a message without id, household, author, text or a sent
     * instant cannot be stored or shown. A null list (a server from before messages) is none.
     */
    private static List<Message> validMessages(List<Message> messages) throws WelkomApiException {
        if (messages == null) {
            return Collections.emptyList();
        }
        for (Message m : messages) {
            if (m == null || m.id() == null || m.householdId() == null || m.from() == null || m.text() == null
                    || m.sentAt() == null) {
                throw Api.unexpected("A pulled message has no id, household, author, text or time");
            }
            try {
                Instant.parse(m.sentAt());
                if (m.readAt() != null) {
                    Instant.parse(m.readAt());
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw Api.unexpected("A pulled message has a time that is not an instant");
            }
        }
        return messages;
    }

    /**
     * Fails rather than drop silently: an announcement without id, title, text, publication instant
     * or expiry date cannot be stored or shown. A null list (a server from before announcements) is none.
     */
    private static List<Announcement> validAnnouncements(List<Announcement> announcements) throws WelkomApiException {
        if (announcements == null) {
            return Collections.emptyList();
        }
        for (Announcement a : announcements) {
            if (a == null || a.id() == null || a.title() == null || a.text() == null || a.publishedAt() == null
                    || a.expiresOn() == null) {
                throw Api.unexpected("A pulled announcement has no id, title, text, publication or expiry");
            }
            try {
                Instant.parse(a.publishedAt());
                LocalDate.parse(a.expiresOn());
            } catch (java.time.format.DateTimeParseException e) {
                throw Api.unexpected("A pulled announcement has a date that is not one");
            }
        }
        return announcements;
    }

    /**
     * Fails rather than drop silently: a meeting without id, household, text or a day (an ISO date),
     * or with a logged instant that is not one, cannot be stored or shown. A null list (a server from
     * before family friends) is none.
     */
    private static List<Meeting> validMeetings(List<Meeting> meetings) throws WelkomApiException {
        if (meetings == null) {
            return Collections.emptyList();
        }
        for (Meeting m : meetings) {
            if (m == null || m.id() == null || m.householdId() == null || m.date() == null || m.what() == null) {
                throw Api.unexpected("A pulled meeting has no id, household, day or text");
            }
            try {
                LocalDate.parse(m.date());
                if (m.loggedAt() != null) {
                    Instant.parse(m.loggedAt());
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw Api.unexpected("A pulled meeting has a day or time that is not one");
            }
        }
        return meetings;
    }

    /** Fails rather than drop silently: a task without id or status cannot be stored or shown. */
    private static List<Task> validTasks(List<Task> tasks) throws WelkomApiException {
        if (tasks == null) {
            return Collections.emptyList();
        }
        for (Task t : tasks) {
            if (t == null || t.id() == null || t.status() == null) {
                throw Api.unexpected("A pulled task has no id or status");
            }
        }
        return tasks;
    }

    private static List<String> ids(List<String> ids) throws WelkomApiException {
        if (ids == null) {
            return Collections.emptyList();
        }
        for (String id : ids) {
            if (id == null) {
                throw Api.unexpected("A pulled id list holds a null");
            }
        }
        return ids;
    }

    boolean refreshContent(ByteCounter counter) throws WelkomException {
        List<String> chain = Shelf.chain(store);
        // No validator for a pack that no longer parses: a 304 must not keep it.
        String etag = Shelf.CONTENT.usableEtag(store, chain).orElse(null);
        Api.Fetched<ContentPack> content = api.content(chain, etag, counter);
        if (content == null) {
            return false;
        }
        if (content.body.version() == null || content.body.topics() == null || content.body.languages() == null) {
            // JSON of another shape reads as a pack with nothing in it: it must not replace the stored one.
            throw Api.unexpected("The content pack has no version, languages or topics");
        }
        requireAskedLanguages(chain, content.body.languages(), "content pack");
        store.inTransaction(() -> Shelf.CONTENT.put(store, chain, content.etag, content.body));
        return true;
    }
}
