package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.JourneyStage;

/**
 * One line of the household list.
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param id            household id, for the link to its page
 * @param reference     case reference, or null for a buddy
 * @param displayName   how the family is called
 * @param nationality   country name, or null
 * @param campOfOrigin  camp or city of origin, or null
 * @param arrivalPath   reception centre or direct, or null for a buddy
 * @param stage         current journey stage
 * @param tasksDone     tasks done
 * @param tasksTotal    live tasks
 * @param next          the open task due first, or null when none is open
 */
public record HouseholdRow(
        String id,
        @Nullable String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable ArrivalPath arrivalPath,
        JourneyStage stage,
        int tasksDone,
        int tasksTotal,
        @Nullable NextTask next) {

    /** The row for {@code household} as the viewer may see it (HouseholdReader: minimal fields for a buddy). */
    static HouseholdRow of(Household household, Display display, int tasksDone, int tasksTotal, @Nullable NextTask next) {
        return new HouseholdRow(household.id(), household.reference(), household.displayName(),
                display.country(household.nationality()), household.campOfOrigin(), household.arrivalPath(),
                household.stage(), tasksDone, tasksTotal, next);
    }

    /**
     * @param title   title in the dashboard's language, else Dutch
     * @param due     due date for display, or null when the task has none
     * @param overdue due before today
     */
    public record NextTask(Display.Text title, @Nullable String due, boolean overdue) {
    }
}
