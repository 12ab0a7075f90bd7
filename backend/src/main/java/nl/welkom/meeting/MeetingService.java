package nl.welkom.meeting;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdScope;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskField;
import nl.welkom.journey.TaskService;
import nl.welkom.model.auth.Role;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * The meeting log of the family-friend programme (docs/meetings.md): the matched family friend logs
 * a meeting with a household (from the dashboard, the API or a pushed {@code MEETING_LOG}); the friend
 * reads their own meetings, the household's officers all of them with the friend's name. Every write
 * takes a change-sequence value so the friend's phone pulls it; reads and writes are audited.
 */
@Singleton
public class MeetingService {
    /** How many of a friend's latest meetings with a household come when it enters their scope. */
    public static final int ENTERING_LIMIT = 50;
    /** The programme's calendar. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final String NO_HOUSEHOLD = "No such household.";

    private final MeetingRepository meetings;
    private final HouseholdScope scope;
    private final ChangeSequence sequence;
    private final TaskService taskService;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TransactionOperations<Connection> transactions;
    private final MeetingProperties properties;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, HouseholdScope scope, ChangeSequence sequence, TaskService taskService,
                   AuditLog audit, JsonMapper json, TransactionOperations<Connection> transactions,
                   MeetingProperties properties, Clock clock) {
        this.meetings = meetings;
        this.scope = scope;
        this.sequence = sequence;
        this.taskService = taskService;
        this.audit = audit;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A meeting to log, as the API, the dashboard and the pushed JSON value carry it.
     *
     * @param date    ISO date they met
     * @param what    what they did together
     * @param taskIds the household's tasks it moved forward (optional)
     * @param note    a short note for the coordinator (optional)
     */
    @Serdeable
    public record LogRequest(@Nullable String date, @Nullable String what, @Nullable List<String> taskIds,
                             @Nullable String note) {
    }

    /** A meeting as a reader sees it: with the friend's name (for officers). */
    public record Row(MeetingEntity meeting, @Nullable String buddyName) {
    }

    /** What applying a pushed {@code MEETING_LOG} did. */
    public record Applied(MutationOutcome outcome, @Nullable String detail) {
    }

    /**
     * A refusal of one field of a meeting.
     *
     * @param field  the field's name
     * @param code   what is wrong, for the page's words ({@code missing}, {@code future}, {@code beforeMatch},
     *               {@code long}, {@code control}, {@code foreign})
     * @param detail the reason in English, for problems and push results
     */
    public record Refusal(String field, String code, String detail) {
    }

    /**
     * Logs a meeting from the dashboard or the API, ticking {@code tick} (tasks of the household the
     * friend may tick) done through the task rule in the same transaction.
     *
     * @throws ProblemException 404 out of scope, 403 for anyone but the matched friend, 400 for a bad value
     */
    @Transactional
    public Meeting log(Caller caller, String householdId, LogRequest request, List<String> tick) {
        readerRole(caller);
        scope.requireVisible(caller, householdId);
        if (caller.role() != Role.BUDDY) {
            throw forbidden("Only the household's family friend logs meetings.");
        }
        Optional<Refusal> refusal = refusal(caller, householdId, request);
        if (refusal.isPresent()) {
            throw ProblemException.badRequest(refusal.get().detail());
        }
        for (String taskId : tick) {
            Map<TaskField, String> done = new EnumMap<>(TaskField.class);
            done.put(TaskField.STATUS, TaskStatus.DONE.name());
            TaskService.Edited edited = taskService.apply(caller, taskId, done, TaskService.CURRENT, null);
            if (edited.outcome() == MutationOutcome.REJECTED || edited.task() == null
                    || !edited.task().householdId().equals(householdId)) {
                throw ProblemException.badRequest("Task " + taskId + " cannot be ticked: "
                        + (edited.detail() == null ? "not a task of this household." : edited.detail()));
            }
        }
        Set<String> taskIds = new LinkedHashSet<>(request.taskIds() == null ? List.of() : request.taskIds());
        taskIds.addAll(tick);
        MeetingEntity row = insert(UUID.randomUUID().toString(), householdId, caller,
                new LogRequest(request.date(), request.what(), List.copyOf(taskIds), request.note()));
        return row.asModel();
    }

    /** Applies a pushed {@code MEETING_LOG} in the push's transaction; never throws for bad input. */
    @Transactional
    public Applied applyPushed(Caller caller, String mutationId, @Nullable String householdId, @Nullable String value) {
        if (householdId == null || caller.role() != Role.BUDDY || !scope.canSee(caller, householdId)) {
            return new Applied(MutationOutcome.REJECTED, NO_HOUSEHOLD);
        }
        LogRequest request;
        try {
            request = value == null ? null : json.readValue(value, LogRequest.class);
        } catch (IOException | RuntimeException e) {
            request = null;
        }
        if (request == null) {
            return new Applied(MutationOutcome.REJECTED,
                    "value is not a JSON object {\"date\",\"what\",\"taskIds\",\"note\"}.");
        }
        request = withoutRemovedTasks(householdId, request);
        Optional<Refusal> refusal = refusal(caller, householdId, request);
        if (refusal.isPresent()) {
            return new Applied(MutationOutcome.REJECTED, refusal.get().detail());
        }
        if (meetings.existsById(mutationId)) {
            return new Applied(MutationOutcome.REJECTED, "Meeting id already used.");
        }
        insert(mutationId, householdId, caller, request);
        return new Applied(MutationOutcome.APPLIED, null);
    }

    /**
     * The request without the task ids an officer removed from this household (tombstones) since the
     * phone wrote the meeting offline: the meeting still happened, so it is stored without them. A task
     * of another household, or an id that never existed, stays in and is refused by {@link #refusal}.
     */
    private LogRequest withoutRemovedTasks(String householdId, LogRequest request) {
        if (request.taskIds() == null || request.taskIds().isEmpty()) {
            return request;
        }
        Set<String> removed = taskService.removedTaskIdsOf(householdId);
        if (removed.isEmpty()) {
            return request;
        }
        List<String> kept = request.taskIds().stream().filter(id -> id == null || !removed.contains(id)).toList();
        return new LogRequest(request.date(), request.what(), kept, request.note());
    }

    /**
     * The household's meetings the caller may read, newest first: a friend their own, an officer all
     * of them with the friend's name. 404 out of scope, 403 for a household's phone. Audited.
     */
    @Transactional
    public List<Row> list(Caller caller, String householdId) {
        readerRole(caller);
        scope.requireVisible(caller, householdId);
        List<MeetingEntity> rows = caller.role() == Role.BUDDY
                ? meetings.findByHouseholdAndBuddy(householdId, caller.userId())
                : meetings.findByHousehold(householdId);
        audit.record(caller, MeetingAudit.LIST, householdId);
        return withNames(caller, rows);
    }

    /** A family friend's own meetings with their current households, newest first. Audited per household. */
    @Transactional
    public List<MeetingEntity> own(Caller caller) {
        if (caller.role() != Role.BUDDY) {
            throw forbidden("Only a family friend has meetings of their own.");
        }
        Set<String> visible = Set.copyOf(scope.visibleHouseholdIds(caller));
        List<MeetingEntity> rows = meetings.findByBuddy(caller.userId()).stream()
                .filter(row -> visible.contains(row.householdId())).toList();
        rows.stream().map(MeetingEntity::householdId).distinct()
                .forEach(id -> audit.record(caller, MeetingAudit.LIST, id));
        return rows;
    }

    /** The friend's latest {@link #ENTERING_LIMIT} meetings with a household, oldest first (for the pull). */
    public List<MeetingEntity> entering(Caller caller, String householdId) {
        if (caller.role() != Role.BUDDY) {
            return List.of();
        }
        List<MeetingEntity> latest = new ArrayList<>(meetings.findLatest(householdId, caller.userId(), ENTERING_LIMIT));
        java.util.Collections.reverse(latest);
        return latest;
    }

    /**
     * A household without contact for too long.
     *
     * @param lastMet  the last meeting's date, or null when none was logged in this match
     * @param since    the date counted from (last meeting, else the match's start)
     * @param days     whole days since then
     */
    public record Prompt(String householdId, String displayName, @Nullable String buddyUserId,
                         @Nullable String buddyName, @Nullable LocalDate lastMet, LocalDate since, long days) {
    }

    /**
     * The caller's matches without a meeting for too long, longest first: for a family friend their
     * households after {@code buddy-prompt-days}, for an officer the municipality's active matches after
     * {@code coordinator-prompt-days} (counted from the match's start when nothing was logged). Audited.
     */
    @Transactional
    public List<Prompt> prompts(Caller caller) {
        int threshold;
        if (caller.role() == Role.BUDDY) {
            threshold = properties.buddyPromptDays();
        } else if (caller.role() == Role.OFFICER) {
            threshold = properties.coordinatorPromptDays();
        } else {
            throw forbidden("Only family friends and officers see meeting prompts.");
        }
        LocalDate today = today();
        List<Prompt> prompts = new ArrayList<>();
        for (Prompt match : matches(caller)) {
            long days = ChronoUnit.DAYS.between(match.since(), today);
            if (days >= threshold) {
                prompts.add(new Prompt(match.householdId(), match.displayName(), match.buddyUserId(),
                        match.buddyName(), match.lastMet(), match.since(), days));
            }
        }
        prompts.sort((a, b) -> Long.compare(b.days(), a.days()));
        prompts.forEach(prompt -> audit.record(caller, MeetingAudit.PROMPTS, prompt.householdId()));
        return prompts;
    }

    /** The caller's active matches in scope with the last meeting of that friend (days not yet counted). */
    List<Prompt> matches(Caller caller) {
        HouseholdScope.Condition condition = scope.condition(caller, "h");
        List<Object> parameters = new ArrayList<>(condition.parameters());
        String buddy = "";
        if (caller.role() == Role.BUDDY) {
            buddy = " AND b.buddy_user_id = ?";
            parameters.add(caller.userId());
        }
        String sql = "SELECT h.id, h.display_name, b.buddy_user_id, u.display_name, b.started_at,"
                + " (SELECT MAX(m.met_on) FROM meeting m WHERE m.buddy_user_id = b.buddy_user_id"
                + " AND m.household_id = h.id)"
                + " FROM buddy_match b JOIN household h ON h.id = b.household_id"
                + " JOIN app_user u ON u.id = b.buddy_user_id"
                + " WHERE b.ended_at IS NULL AND " + condition.sql() + buddy
                + " ORDER BY h.display_name, h.id";
        Object[] bound = parameters.toArray();
        return transactions.executeRead(status -> Sql.query(status.getConnection(), sql, row -> {
            LocalDate start = Instant.ofEpochMilli(row.getLong(5)).atZone(ZONE).toLocalDate();
            String last = row.getString(6);
            LocalDate lastMet = last == null ? null : LocalDate.parse(last);
            LocalDate since = lastMet == null || lastMet.isBefore(start) ? start : lastMet;
            return new Prompt(row.getString(1), row.getString(2), row.getString(3), row.getString(4), lastMet, since, 0);
        }, bound));
    }

    /**
     * A demo meeting (MeetingDemo) stored like a logged one, with its own change-sequence value. Skipped
     * (false) when the friend has no active match with the household or the date lies outside it.
     */
    @Transactional
    boolean demo(String householdId, String buddyUserId, LocalDate metOn, String what, @Nullable String note,
                 long loggedAt) {
        LocalDate start = meetings.findMatchStart(buddyUserId, householdId).stream().findFirst()
                .map(at -> Instant.ofEpochMilli(at).atZone(ZONE).toLocalDate()).orElse(null);
        if (start == null || metOn.isBefore(start) || metOn.isAfter(today())) {
            return false;
        }
        String plainNote = plain(note);
        meetings.save(new MeetingEntity(UUID.randomUUID().toString(), householdId, buddyUserId, metOn.toString(),
                plain(what), "", plainNote.isEmpty() ? null : plainNote, loggedAt, sequence.next()));
        return true;
    }

    /** Today in the programme's calendar. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The first day the friend may log for the household: the day their match started, or null without one. */
    @Nullable
    LocalDate matchStart(Caller caller, String householdId) {
        return meetings.findMatchStart(caller.userId(), householdId).stream().findFirst()
                .map(at -> Instant.ofEpochMilli(at).atZone(ZONE).toLocalDate()).orElse(null);
    }

    /** Why the meeting cannot be logged, or empty when it can. */
    Optional<Refusal> refusal(Caller caller, String householdId, LogRequest request) {
        LocalDate start = matchStart(caller, householdId);
        if (start == null) {
            return Optional.of(new Refusal("household", "foreign", NO_HOUSEHOLD));
        }
        LocalDate date;
        try {
            date = request.date() == null ? null : LocalDate.parse(request.date().strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            return Optional.of(new Refusal("date", "missing", "date is required, as an ISO date (2026-12-01)."));
        }
        if (date.isAfter(today())) {
            return Optional.of(new Refusal("date", "future", "date lies in the future."));
        }
        if (date.isBefore(start)) {
            return Optional.of(new Refusal("date", "beforeMatch", "date lies before the match started (" + start + ")."));
        }
        Optional<Refusal> what = textProblem("what", request.what(), true, Meeting.MAX_WHAT);
        if (what.isPresent()) {
            return what;
        }
        Optional<Refusal> note = textProblem("note", request.note(), false, Meeting.MAX_NOTE);
        if (note.isPresent()) {
            return note;
        }
        if (request.taskIds() != null && !request.taskIds().isEmpty()) {
            Set<String> tasks = taskService.liveTasksOf(householdId).stream().map(TaskEntity::id)
                    .collect(Collectors.toSet());
            for (String taskId : request.taskIds()) {
                if (taskId == null || !tasks.contains(taskId)) {
                    return Optional.of(new Refusal("taskIds", "foreign", "taskIds holds a task that is not this household's."));
                }
            }
        }
        return Optional.empty();
    }

    /** Why a text field is refused, or empty. */
    static Optional<Refusal> textProblem(String field, @Nullable String text, boolean required, int max) {
        String plain = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (plain.isEmpty()) {
            return required ? Optional.of(new Refusal(field, "missing", field + " is required.")) : Optional.empty();
        }
        if (plain.codePointCount(0, plain.length()) > max) {
            return Optional.of(new Refusal(field, "long", field + " is longer than " + max + " characters."));
        }
        if (plain.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return Optional.of(new Refusal(field, "control",
                    field + " holds control characters; only new lines and tabs are allowed."));
        }
        return Optional.empty();
    }

    /** 403 for anyone but a family friend or an officer. */
    private static void readerRole(Caller caller) {
        if (caller.role() != Role.BUDDY && caller.role() != Role.OFFICER) {
            throw forbidden("Only family friends and officers read meetings.");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    private static String plain(@Nullable String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private MeetingEntity insert(String id, String householdId, Caller caller, LogRequest request) {
        String note = plain(request.note());
        List<String> taskIds = request.taskIds() == null ? List.of()
                : request.taskIds().stream().distinct().toList();
        MeetingEntity row = new MeetingEntity(id, householdId, caller.userId(), LocalDate.parse(request.date().strip())
                .toString(), plain(request.what()), String.join(",", taskIds), note.isEmpty() ? null : note,
                clock.millis(), sequence.next());
        meetings.save(row);
        audit.record(caller, MeetingAudit.LOG, householdId);
        return row;
    }

    private List<Row> withNames(Caller caller, List<MeetingEntity> rows) {
        Map<String, String> names = new HashMap<>();
        List<Row> result = new ArrayList<>();
        for (MeetingEntity row : rows) {
            String name = caller.role() == Role.OFFICER
                    ? names.computeIfAbsent(row.buddyUserId(), id -> meetings.findDisplayName(id).orElse(null)) : null;
            result.add(new Row(row, name));
        }
        return result;
    }
}
