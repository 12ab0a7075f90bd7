package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/**
 * One household in the caseload ({@code GET /api/caseload}, the dashboard's list), with what the
 * list shows and flags: task progress, the next due date, overdue tasks, open conflicts and whether
 * a buddy is matched. A buddy gets the minimal fields of {@link MinimalView}: no reference,
 * nationality, camp, arrival path or date, no conflict count and no buddy flag.
 *
 * @param id            household id
 * @param reference     case reference; null for a buddy
 * @param displayName   how the family is called
 * @param nationality   ISO 3166 alpha-2 code, or null (always for a buddy)
 * @param campOfOrigin  camp or city of origin, or null (always for a buddy)
 * @param arrivalPath   reception centre or direct; null for a buddy
 * @param stage         current journey stage
 * @param arrivedOn     ISO date of arrival in the Netherlands, or null (always for a buddy)
 * @param tasksDone     live tasks done
 * @param tasksTotal    live tasks
 * @param nextDueDate   ISO date: the earliest due date of an open task, or null when none has one
 * @param overdueTasks  open tasks due before today (Europe/Amsterdam)
 * @param openConflicts unresolved conflicts; null for a buddy
 * @param buddyMatched  whether an active buddy match exists; null for a buddy
 */
@Serdeable
public record CaseloadRow(
        String id,
        @Nullable String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable ArrivalPath arrivalPath,
        JourneyStage stage,
        @Nullable String arrivedOn,
        int tasksDone,
        int tasksTotal,
        @Nullable String nextDueDate,
        int overdueTasks,
        @Nullable Integer openConflicts,
        @Nullable Boolean buddyMatched) {

    /** Whether the list flags this household: an overdue task or an open conflict. */
    public boolean flagged() {
        return overdueTasks > 0 || (openConflicts != null && openConflicts > 0);
    }
}
