package nl.welkom.household;

import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;

/**
 * What a phone carries of a household, and what a family friend (buddy) sees of a matched one: the
 * one place that decides it (docs/sync.md, "Terms"): display name, stage, languages, and the members'
 * display names and languages. Not the case reference, nationality, camp of origin, arrival path or
 * birth years: neither a volunteer nor the companion needs them, and a phone that is lost should not
 * carry them (data minimisation, docs/authz.md). The household's own phone gets the same, plus its
 * family friend ({@link HouseholdReader}). In the caseload ({@link CaseloadRow}) a buddy also gets no
 * arrival date, conflict count or buddy flag.
 */
final class MinimalView {
    private MinimalView() {
    }

    static Household of(Household household) {
        return new Household(household.id(), household.municipalityId(), null, household.displayName(), null, null,
                null, household.stage(), household.languages(),
                household.members().stream().map(MinimalView::of).toList(), household.version(), null);
    }

    private static Member of(Member member) {
        return new Member(member.id(), member.displayName(), null, member.languages());
    }

    /** A caseload row as a buddy sees it: the same minimal fields, no conflict count, no buddy flag. */
    static CaseloadRow of(CaseloadRow row) {
        return new CaseloadRow(row.id(), null, row.displayName(), null, null, null, row.stage(), null, row.tasksDone(),
                row.tasksTotal(), row.nextDueDate(), row.overdueTasks(), null, null);
    }
}
