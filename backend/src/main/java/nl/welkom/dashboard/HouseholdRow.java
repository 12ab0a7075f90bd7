package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.household.CaseloadRow;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/**
 * One line of the household list, ready to show: names and dates in the viewer's language.
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param id            household id, for the link to its page
 * @param reference     case reference, or null for a buddy
 * @param displayName   how the family is called
 * @param nationality   country name, or null
 * @param campOfOrigin  camp or city of origin, or null
 * @param arrivalPath   reception centre or direct, or null for a buddy
 * @param arrivedOn     arrival date for display, or null (always for a buddy)
 * @param stage         current journey stage
 * @param tasksDone     tasks done
 * @param tasksTotal    live tasks
 * @param next          the open task due first, or null when none is open
 * @param overdueTasks  open tasks due before today
 * @param openConflicts unresolved conflicts (0 for a buddy, who does not review them)
 * @param buddyMatched  whether a buddy is matched, or null for a buddy
 */
public record HouseholdRow(
        String id,
        @Nullable String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable ArrivalPath arrivalPath,
        @Nullable String arrivedOn,
        JourneyStage stage,
        int tasksDone,
        int tasksTotal,
        @Nullable NextTask next,
        int overdueTasks,
        int openConflicts,
        @Nullable Boolean buddyMatched) {

    /** The row for a caseload row (already reduced to a buddy's fields where the viewer is one). */
    static HouseholdRow of(CaseloadRow row, Display display, @Nullable NextTask next) {
        return new HouseholdRow(row.id(), row.reference(), row.displayName(), display.country(row.nationality()),
                row.campOfOrigin(), row.arrivalPath(), display.isoDate(row.arrivedOn()), row.stage(), row.tasksDone(),
                row.tasksTotal(), next, row.overdueTasks(), row.openConflicts() == null ? 0 : row.openConflicts(),
                row.buddyMatched());
    }

    /** Whether the list flags the household: an overdue task or an open conflict (shown in words). */
    public boolean flagged() {
        return overdueTasks > 0 || openConflicts > 0;
    }

    /**
     * @param title   title in the dashboard's language, else Dutch
     * @param due     due date for display, or null when the task has none
     * @param overdue due before today
     */
    public record NextTask(Display.Text title, @Nullable String due, boolean overdue) {
    }
}
