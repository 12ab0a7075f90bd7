package nl.welkom.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.activation.OutstandingCode;
import nl.welkom.journey.ConflictDetail;
import nl.welkom.journey.TaskTitles;
import nl.welkom.model.sync.ConflictRecord;

/**
 * A household's page: facts, members, the journey as a track of all stages, tasks by stage.
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param id           household id
 * @param reference    case reference, or null for a buddy
 * @param displayName  how the family is called
 * @param nationality  country name, or null
 * @param campOfOrigin camp or city of origin, or null
 * @param arrivalPath  reception centre or direct, or null for a buddy
 * @param stage        current journey stage
 * @param languages    languages spoken, by name, best first
 * @param members      the members in registration order
 * @param track        every journey stage in order, marked past, current or ahead
 * @param taskGroups   the tasks of each stage that has tasks, in journey order
 * @param tasksDone    tasks done
 * @param tasksTotal   live tasks
 * @param conflicts    open conflicts of the household's tasks (officers only; empty for buddies)
 * @param devices      the household's phones, revoked ones included (officers only; empty for buddies)
 */
public record HouseholdDetail(
        String id,
        @Nullable String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable ArrivalPath arrivalPath,
        JourneyStage stage,
        String languages,
        List<MemberRow> members,
        List<Step> track,
        List<TaskGroup> taskGroups,
        int tasksDone,
        int tasksTotal,
        List<ConflictRow> conflicts,
        List<DeviceRow> devices) {

    /** The page for {@code household}; {@code tasks} in journey order, as {@code TaskService.tasksOf} returns them. */
    static HouseholdDetail of(Household household, Display display, List<TaskRow> tasks, List<ConflictRow> conflicts,
                              List<DeviceRow> devices) {
        List<Step> track = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            track.add(new Step(stage, stage.compareTo(household.stage()) < 0, stage == household.stage()));
        }
        Map<JourneyStage, List<TaskRow>> byStage = new LinkedHashMap<>();
        for (TaskRow task : tasks) {
            byStage.computeIfAbsent(task.stage(), stage -> new ArrayList<>()).add(task);
        }
        List<TaskGroup> groups = new ArrayList<>();
        byStage.forEach((stage, rows) -> groups.add(new TaskGroup(stage, List.copyOf(rows))));
        List<MemberRow> members = household.members().stream().map(member -> MemberRow.of(member, display)).toList();
        int done = (int) tasks.stream().filter(TaskRow::done).count();
        return new HouseholdDetail(household.id(), household.reference(), household.displayName(),
                display.country(household.nationality()), household.campOfOrigin(), household.arrivalPath(),
                household.stage(), display.languages(household.languages()), members, List.copyOf(track),
                List.copyOf(groups), done, tasks.size(), List.copyOf(conflicts), List.copyOf(devices));
    }

    /**
     * @param name      how the member is called
     * @param birthYear year of birth, or null
     * @param languages languages by name
     */
    public record MemberRow(String name, @Nullable Integer birthYear, String languages) {
        static MemberRow of(Member member, Display display) {
            return new MemberRow(member.displayName(), member.birthYear(), display.languages(member.languages()));
        }
    }

    /** A stage on the journey track: behind the household, where it is now, or still ahead. */
    public record Step(JourneyStage stage, boolean past, boolean current) {
    }

    /** The tasks of one stage. */
    public record TaskGroup(JourneyStage stage, List<TaskRow> tasks) {
    }

    /**
     * An open conflict: a same-field edit overwrote another (docs/sync.md); the officer keeps the
     * current value or restores the overwritten one. The template words field, status and assignee
     * values; a title is shown by its Dutch text (and English when it has one).
     *
     * @param id      conflict id, for the resolve form and the notice's link ({@code #conflict-<id>})
     * @param taskId  the task's id
     * @param task    title of the task
     * @param field   which field: {@code status}, {@code note}, {@code dueDate}, {@code title} or {@code assignee}
     * @param current the value that arrived last and is current, for display, or null for none
     * @param other   the value it overwrote, for display, or null for none
     * @param by      who made the edit that arrived last, and when (the conflict's time)
     * @param otherBy who wrote the overwritten value, and when, as far as known
     */
    public record ConflictRow(String id, String taskId, Display.Text task, String field, @Nullable String current,
                              @Nullable String other, Author by, Author otherBy) {

        static ConflictRow of(ConflictDetail conflict, Display.Text task, Display display) {
            ConflictRecord record = conflict.record();
            return new ConflictRow(record.id(), record.entityId(), task, record.field(),
                    shown(record.field(), record.currentValue(), display), shown(record.field(), record.otherValue(), display),
                    new Author(conflict.actorRole(), conflict.actorName(), display.dateTime(record.createdAt())),
                    new Author(conflict.otherRole(), conflict.otherName(), display.dateTime(conflict.otherAt())));
        }

        @Nullable
        private static String shown(String field, @Nullable String value, Display display) {
            if (value == null) {
                return null;
            }
            switch (field) {
                case "dueDate":
                    return display.isoDate(value);
                case "title":
                    Map<String, String> titles = TaskTitles.decode(value);
                    String dutch = titles.getOrDefault(TaskTitles.DUTCH, "");
                    String english = titles.get("en");
                    return english == null ? dutch : dutch + " (" + english + ")";
                default:
                    return value;
            }
        }
    }

    /**
     * Who wrote something, as the page words it: the family's phone ({@code NEWCOMER}), a family
     * friend ({@code BUDDY}, by name) or an officer (by name); unknown when {@code role} is null.
     *
     * @param role NEWCOMER, BUDDY, OFFICER, or null when unknown
     * @param name the family friend's or officer's display name, or null
     * @param at   when, for display, or null when unknown
     */
    public record Author(@Nullable String role, @Nullable String name, @Nullable String at) {
    }

    /**
     * An activation code that can still activate a phone (the code itself is not known).
     *
     * @param id        code id, for the withdraw form
     * @param created   when it was made, for display
     * @param createdBy who made it, or null
     * @param expires   when it expires, for display
     */
    public record CodeRow(String id, String created, @Nullable String createdBy, String expires) {

        static CodeRow of(OutstandingCode code, Display display) {
            return new CodeRow(code.id(), display.dateTime(code.createdAt()), code.createdBy(),
                    display.dateTime(code.expiresAt()));
        }
    }

    /**
     * A phone activated for the household.
     *
     * @param id        device id, for the revoke form
     * @param name      the label chosen at activation
     * @param activated when it was activated, for display
     * @param revoked   when it was revoked, for display, or null while active
     */
    public record DeviceRow(String id, String name, @Nullable String activated, @Nullable String revoked) {

        static DeviceRow of(DeviceInfo device, Display display) {
            return new DeviceRow(device.id(), device.name(), display.dateTime(device.createdAt()),
                    display.dateTime(device.revokedAt()));
        }
    }
}
