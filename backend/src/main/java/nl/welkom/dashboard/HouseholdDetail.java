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
     * current value or restores the overwritten one. The template words field and status values.
     *
     * @param id      conflict id, for the resolve form
     * @param task    title of the task
     * @param field   which field: {@code status}, {@code note} or {@code dueDate}
     * @param current the value that arrived last and is current (a due date for display), or null for none
     * @param other   the value it overwrote (a due date for display), or null for none
     * @param noted   when the conflict was recorded, for display
     */
    public record ConflictRow(String id, Display.Text task, String field, @Nullable String current,
                              @Nullable String other, @Nullable String noted) {

        static ConflictRow of(ConflictRecord conflict, Display.Text task, Display display) {
            boolean date = "dueDate".equals(conflict.field());
            return new ConflictRow(conflict.id(), task, conflict.field(),
                    date ? display.isoDate(conflict.currentValue()) : conflict.currentValue(),
                    date ? display.isoDate(conflict.otherValue()) : conflict.otherValue(),
                    display.dateTime(conflict.createdAt()));
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
