package nl.welkom.casefile;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;

/**
 * The case file on the household page ({@code household/details}): what only officers record —
 * selection route, arrival dates, reception location, members' dates of birth and nationalities,
 * special needs — with the links to edit, add members and needs, and move the household. Left out
 * for anyone but an officer; reading it is audited ({@link CaseFileAudit#DETAILS_READ}).
 */
@Singleton
final class CaseFileSection implements HouseholdSection {
    private final CaseFiles caseFiles;

    CaseFileSection(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public String template() {
        return "household/details";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (!viewer.officer()) {
            return Optional.empty();
        }
        HouseholdDetails details = caseFiles.details(viewer.caller(), householdId);
        return Optional.of(Map.of("casefile", CaseFileView.Section.of(details, viewer.display())));
    }
}
