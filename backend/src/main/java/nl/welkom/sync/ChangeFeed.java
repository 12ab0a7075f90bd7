package nl.welkom.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.announcement.AnnouncementEntity;
import nl.welkom.announcement.AnnouncementFeed;
import nl.welkom.appointment.AppointmentEntity;
import nl.welkom.appointment.AppointmentRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdReader;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.ScopeChange;
import nl.welkom.household.ScopeChangeRepository;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskRepository;
import nl.welkom.journey.TaskService;
import nl.welkom.meeting.MeetingEntity;
import nl.welkom.meeting.MeetingRepository;
import nl.welkom.meeting.MeetingService;
import nl.welkom.message.MessageEntity;
import nl.welkom.message.MessageRepository;
import nl.welkom.message.MessageService;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.auth.Role;
import nl.welkom.model.sync.PullResponse;

/**
 * One page of a pull (docs/sync.md, "One sync, step by step", 2): what in the caller's scope
 * changed after the cursor, oldest first.
 *
 * <p>Five sources of changes, each read by an index from the cursor on: the caller's scope changes
 * ({@code scope_change} by subject and seq), the households in scope (by primary key, those with a
 * higher {@code change_seq}), their tasks, their appointments and their messages (all three by
 * {@code (household_id, change_seq)}; a family friend's messages only from the start of the match on). Each source
 * is read at most {@code limit + 1} rows deep and bounded above by the last committed sequence
 * value, then they are merged by seq and taken in order:
 * <ul>
 *   <li>a changed household, task or appointment: its snapshot as it is now (a deleted task: its id);</li>
 *   <li>a household that entered the scope and is still in it: its snapshot, all its live
 *       tasks, its appointments that ended at most 30 days ago
 *       ({@code AppointmentRepository.findEnteringScope}) and the latest {@value MessageService#ENTERING_LIMIT} messages the
 *       caller may see, since their changes may lie before the cursor;</li>
 *   <li>a household that left the scope and is not back in it: its id in {@code removedHouseholdIds};
 *       a scope change the current scope has overtaken yields nothing (its successor comes later).</li>
 * </ul>
 * A page takes at most {@code limit} changes, an entering household weighing one plus its live
 * tasks, its appointments and its messages; the first change of a page is always taken, so an entering household comes whole even when
 * it weighs more than {@code limit}. Taking never passes the last row read of a source that was cut
 * off, so no change is skipped; the cursor is the seq of the last change taken.
 *
 * <p>For a household's phone, a sixth source: its municipality's announcements by
 * {@code (municipality_id, change_seq)}, only those that target the household now and have not
 * expired (docs/announcements.md). Each weighs 1 and brings the announcement (a withdrawn one as
 * withdrawn). A page that holds the household's snapshot also brings every live
 * announcement targeting it (not weighed: they are few), so a household whose stage moved gets them.
 *
 * <p>For a family friend, a seventh source: their own meetings by {@code (household_id, change_seq)}
 * (docs/meetings.md), each weighing 1; a household entering their scope brings their latest
 * {@value MeetingService#ENTERING_LIMIT} meetings with it (weighed). Nobody else receives meetings.
 */
@Singleton
class ChangeFeed {
    private final ChangeSequence sequence;
    private final HouseholdScope scope;
    private final ScopeChangeRepository scopeChanges;
    private final HouseholdRepository households;
    private final HouseholdReader reader;
    private final TaskRepository tasks;
    private final TaskService taskService;
    private final AppointmentRepository appointments;
    private final MessageRepository messages;
    private final MessageService messageService;
    private final AnnouncementFeed announcementFeed;
    private final MeetingRepository meetings;
    private final MeetingService meetingService;
    private final Clock clock;
    private final ChangeProbe probe;

    ChangeFeed(ChangeProbe probe, ChangeSequence sequence, HouseholdScope scope, ScopeChangeRepository scopeChanges,
               HouseholdRepository households, HouseholdReader reader, TaskRepository tasks, TaskService taskService,
               AppointmentRepository appointments, MessageRepository messages, MessageService messageService,
               AnnouncementFeed announcementFeed, MeetingRepository meetings, MeetingService meetingService,
               Clock clock) {
        this.probe = probe;
        this.clock = clock;
        this.meetings = meetings;
        this.meetingService = meetingService;
        this.messages = messages;
        this.messageService = messageService;
        this.sequence = sequence;
        this.scope = scope;
        this.scopeChanges = scopeChanges;
        this.households = households;
        this.reader = reader;
        this.tasks = tasks;
        this.taskService = taskService;
        this.appointments = appointments;
        this.announcementFeed = announcementFeed;
    }

    /**
     * The page after {@code after} of at most {@code limit} changes, with {@code contentVersion} as
     * given and announcements in the {@code lang} chain ({@code ar,en}; null: Dutch).
     *
     * <p>A complete page (nothing more to come) moves the cursor to the head of the change sequence it
     * was read up to, even past the caller's last change: every change up to the head has been
     * considered for this caller's scope. So a phone that is up to date asks with the head, and a pull
     * with nothing newer than the head anywhere is answered from the head alone, without touching
     * the change tables (issue 14, docs/sync.md). A household's phone is asked {@link #quiet} first.
     */
    @Transactional(readOnly = true)
    public PullResponse page(Caller caller, long after, int limit, @Nullable String contentVersion,
                             @Nullable String lang) {
        // First the bound, then the scope: every change up to the bound has committed, and the scope
        // read after it already reflects every scope change up to the bound.
        long upTo = sequence.last();
        if (after >= upTo) {
            return nothingNew(after, contentVersion);
        }
        Set<String> inScope = new LinkedHashSet<>(scope.visibleHouseholdIds(caller));
        AnnouncementFeed.Audience audience = inScope.contains(caller.householdId())
                ? announcementFeed.audience(caller, lang) : null;
        List<Change> changes = changesAfter(caller, inScope, after, upTo, limit + 1);
        if (audience != null) {
            announcementFeed.changed(audience, after, upTo, limit + 1).forEach(row -> changes.add(
                    new Change(row.changeSeq(), audience.householdId(), null, null, null, null, null, row)));
            changes.sort(Comparator.comparingLong(Change::seq));
        }

        Page page = new Page();
        long cursor = after;
        int taken = 0;
        int consumed = 0;
        for (Change change : changes) {
            Entering entering = change.enters(inScope) ? entering(caller, change.householdId()) : null;
            int weight = entering == null ? 1
                    : 1 + entering.tasks().size() + entering.appointments().size() + entering.messages().size()
                    + entering.meetings().size();
            if (taken > 0 && taken + weight > limit) {
                break;
            }
            page.add(change, inScope, entering);
            if (change.announcement() != null) {
                Announcement announced = announcementFeed.asRead(audience, change.announcement());
                page.announcements.put(announced.id(), announced);
            }
            taken += weight;
            consumed++;
            cursor = change.seq();
        }
        boolean hasMore = consumed < changes.size();
        if (!hasMore) {
            cursor = upTo;
        }
        if (audience != null && page.households.containsKey(audience.householdId())) {
            announcementFeed.live(audience).forEach(announcement -> page.announcements.put(announcement.id(), announcement));
        }
        return new PullResponse(cursor, hasMore, reader.read(caller, List.copyOf(page.households.values())),
                taskService.withTitles(List.copyOf(page.tasks.values())), List.copyOf(page.deletedTaskIds),
                List.copyOf(page.removedHouseholdIds), contentVersion,
                page.appointments.values().stream().map(AppointmentEntity::asModel).toList(),
                page.messages.values().stream().map(MessageEntity::asModel).toList(),
                List.copyOf(page.announcements.values()),
                page.meetings.values().stream().map(MeetingEntity::asModel).toList());
    }

    /**
     * For a household's phone, the empty page at the head when nothing after {@code after} is for it,
     * from one statement outside any transaction ({@link ChangeProbe}), however far the head moved;
     * null when there may be something (or the caller is not a phone): then ask {@link #page}.
     * {@code known} is the probe's answer from the token check ({@link PullProbeQuestion}), used when
     * it is for this cursor; without it the probe is asked here.
     */
    @Nullable
    PullResponse quiet(Caller caller, long after, @Nullable String contentVersion,
                              @Nullable ChangeProbe.Answer known) {
        if (!ChangeProbe.answersFor(caller)) {
            return null;
        }
        ChangeProbe.Answer answer = known != null && known.after() == after ? known : probe.ask(caller, after);
        return answer.anything() ? null : nothingNew(Math.max(after, answer.head()), contentVersion);
    }

    private static PullResponse nothingNew(long cursor, @Nullable String contentVersion) {
        return new PullResponse(cursor, false, List.of(), List.of(), List.of(), List.of(), contentVersion, List.of(),
                List.of(), List.of(), List.of());
    }

    private Entering entering(Caller caller, String householdId) {
        List<MessageEntity> latest = new ArrayList<>(messages.findLatest(householdId,
                messageService.visibleFrom(caller, householdId), MessageService.ENTERING_LIMIT));
        Collections.reverse(latest);
        return new Entering(households.findById(householdId).orElse(null), taskService.liveTasksOf(householdId),
                appointments.findEnteringScope(householdId, clock.millis()), latest,
                meetingService.entering(caller, householdId));
    }

    private List<Change> changesAfter(Caller caller, Set<String> inScope, long after, long upTo, int depth) {
        List<Change> changes = new ArrayList<>();
        List<ScopeChange> scopeRows = caller.isDevice()
                ? scopeChanges.findForDevice(caller.deviceId(), after, upTo, depth)
                : scopeChanges.findForUser(caller.userId(), after, upTo, depth);
        scopeRows.forEach(row -> changes.add(new Change(row.seq(), row.householdId(), null, null, null, null, row, null)));
        if (!inScope.isEmpty()) {
            households.findChanged(inScope, after, upTo, depth)
                    .forEach(row -> changes.add(new Change(row.changeSeq(), row.id(), row, null, null, null, null, null)));
            tasks.findChanged(inScope, after, upTo, depth)
                    .forEach(row -> changes.add(new Change(row.changeSeq(), row.householdId(), null, row, null, null, null, null)));
            appointments.findChanged(inScope, after, upTo, depth)
                    .forEach(row -> changes.add(new Change(row.changeSeq(), row.householdId(), null, null, row, null, null, null)));
            // A family friend gets only what was sent since their match started (docs/messages.md).
            (caller.role() == Role.BUDDY
                    ? messages.findChangedForBuddy(inScope, caller.userId(), after, upTo, depth)
                    : messages.findChanged(inScope, after, upTo, depth))
                    .forEach(row -> changes.add(new Change(row.changeSeq(), row.householdId(), null, null, null, row, null, null)));
            // A family friend's own meetings; nobody else receives meetings (docs/meetings.md).
            if (caller.role() == Role.BUDDY) {
                meetings.findChanged(inScope, caller.userId(), after, upTo, depth)
                        .forEach(row -> changes.add(new Change(row.changeSeq(), row.householdId(), null, null, null, null,
                                null, null, row)));
            }
        }
        changes.sort(Comparator.comparingLong(Change::seq));
        return changes;
    }

    /** One change: exactly one of household, task, appointment, message, scope, announcement and meeting is set. */
    private record Change(long seq, String householdId, @Nullable HouseholdEntity household,
                          @Nullable TaskEntity task, @Nullable AppointmentEntity appointment,
                          @Nullable MessageEntity message, @Nullable ScopeChange scope,
                          @Nullable AnnouncementEntity announcement, @Nullable MeetingEntity meeting) {
        Change(long seq, String householdId, @Nullable HouseholdEntity household, @Nullable TaskEntity task,
               @Nullable AppointmentEntity appointment, @Nullable MessageEntity message, @Nullable ScopeChange scope,
               @Nullable AnnouncementEntity announcement) {
            this(seq, householdId, household, task, appointment, message, scope, announcement, null);
        }

        boolean enters(Set<String> inScope) {
            return scope != null && scope.entered() && inScope.contains(householdId);
        }
    }

    /** A household entering the scope as it is now: its row (null if gone), its live tasks and its appointments. */
    private record Entering(@Nullable HouseholdEntity household, List<TaskEntity> tasks,
                            List<AppointmentEntity> appointments, List<MessageEntity> messages,
                            List<MeetingEntity> meetings) {
    }

    /** What a page has gathered so far, each record once, in order of first appearance. */
    private static final class Page {
        final Map<String, HouseholdEntity> households = new LinkedHashMap<>();
        final Map<String, TaskEntity> tasks = new LinkedHashMap<>();
        final Map<String, AppointmentEntity> appointments = new LinkedHashMap<>();
        final Map<String, MessageEntity> messages = new LinkedHashMap<>();
        final Set<String> deletedTaskIds = new LinkedHashSet<>();
        final Set<String> removedHouseholdIds = new LinkedHashSet<>();
        final Map<String, Announcement> announcements = new LinkedHashMap<>();
        final Map<String, MeetingEntity> meetings = new LinkedHashMap<>();

        void add(Change change, Set<String> inScope, @Nullable Entering entering) {
            if (change.household() != null) {
                putNewest(households, change.household().id(), change.household(), HouseholdEntity::version);
            } else if (change.task() != null) {
                TaskEntity task = change.task();
                if (task.deleted()) {
                    tasks.remove(task.id());
                    deletedTaskIds.add(task.id());
                } else {
                    putNewest(tasks, task.id(), task, TaskEntity::version);
                }
            } else if (change.appointment() != null) {
                putNewest(appointments, change.appointment().id(), change.appointment(), AppointmentEntity::version);
            } else if (change.message() != null) {
                putNewest(messages, change.message().id(), change.message(), MessageEntity::version);
            } else if (change.meeting() != null) {
                meetings.put(change.meeting().id(), change.meeting());
            } else if (entering != null) {
                if (entering.household() != null) {
                    putNewest(households, entering.household().id(), entering.household(), HouseholdEntity::version);
                }
                entering.tasks().forEach(task -> putNewest(tasks, task.id(), task, TaskEntity::version));
                entering.appointments().forEach(appointment -> putNewest(appointments, appointment.id(), appointment,
                        AppointmentEntity::version));
                entering.messages().forEach(message -> putNewest(messages, message.id(), message, MessageEntity::version));
                entering.meetings().forEach(meeting -> meetings.put(meeting.id(), meeting));
            } else if (change.scope() != null && !change.scope().entered() && !inScope.contains(change.householdId())) {
                removedHouseholdIds.add(change.householdId());
            }
        }

        /** Keeps the newer of two snapshots of one record (reads of one page may see later commits). */
        private static <T> void putNewest(Map<String, T> rows, String id, T row,
                                          ToLongFunction<T> version) {
            rows.merge(id, row, (kept, added) -> version.applyAsLong(added) >= version.applyAsLong(kept) ? added : kept);
        }
    }
}
