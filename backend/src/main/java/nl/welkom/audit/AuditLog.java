package nl.welkom.audit;

import java.time.Clock;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;

/**
 * The audit trail of who saw or changed which household's data (PRODUCT.md, privacy). Every read
 * of household details or tasks and every change is recorded with the caller's ids, role and an
 * action name; nothing else, so the trail itself holds no personal data. Joins the caller's
 * transaction when there is one.
 */
@Singleton
public class AuditLog {
    public static final String HOUSEHOLD_LIST = "household.list";
    public static final String HOUSEHOLD_READ = "household.read";
    public static final String TASKS_READ = "household.tasks.read";
    public static final String TASK_STATUS_CHANGE = "task.status.change";
    public static final String TASK_NOTE_CHANGE = "task.note.change";
    public static final String TASK_DUE_DATE_CHANGE = "task.due-date.change";
    public static final String CONFLICT_LIST = "conflict.list";
    public static final String CONFLICT_RESOLVE = "conflict.resolve";
    public static final String BUDDY_MATCH_LIST = "buddy-match.list";
    public static final String BUDDY_MATCH_START = "buddy-match.start";
    public static final String BUDDY_MATCH_END = "buddy-match.end";
    public static final String DEVICE_LIST = "device.list";
    public static final String DEVICE_REVOKE = "device.revoke";
    public static final String ACTIVATION_CODE_CREATE = "activation-code.create";
    public static final String DEVICE_ACTIVATE = "device.activate";
    public static final String SYNC_PULL = "sync.pull";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records that {@code caller} did {@code action}, concerning {@code householdId} if any. */
    public void record(Caller caller, String action, @Nullable String householdId) {
        events.save(new AuditEvent(UUID.randomUUID().toString(), clock.millis(), caller.userId(), caller.deviceId(),
                caller.role(), action, householdId, null));
    }

    /**
     * Records that {@code caller} did {@code action} to an account or a municipality ({@code subjectId}),
     * not to a household: an administrator's work on staff accounts.
     */
    public void recordAbout(Caller caller, String action, String subjectId) {
        events.save(new AuditEvent(UUID.randomUUID().toString(), clock.millis(), caller.userId(), caller.deviceId(),
                caller.role(), action, null, subjectId));
    }

    /**
     * Records a refusal (a failed login, a refused activation code, a denied household access): by
     * {@code caller} when someone was signed in, else by no one; about {@code householdId} and/or the
     * account {@code subjectId} when known. Ids only: never the username or code that was typed.
     */
    public void recordRefusal(@Nullable Caller caller, String action, @Nullable String householdId,
                              @Nullable String subjectId) {
        events.save(new AuditEvent(UUID.randomUUID().toString(), clock.millis(),
                caller == null ? null : caller.userId(), caller == null ? null : caller.deviceId(),
                caller == null ? null : caller.role(), action, householdId, subjectId));
    }
}
