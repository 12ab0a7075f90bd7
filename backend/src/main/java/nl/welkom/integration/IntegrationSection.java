package nl.welkom.integration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;

/**
 * The household page's civic-integration part (order 300): per member who must integrate, the route,
 * the components, the term with its warning, and the last and next meeting, with links to the
 * member's file and forms; the other members with a button to mark them. Officers only: for anyone
 * else the section is left out and nothing is read. Audited by {@link IntegrationService#overview}.
 */
@Singleton
final class IntegrationSection implements HouseholdSection {
    private final IntegrationService service;

    IntegrationSection(IntegrationService service) {
        this.service = service;
    }

    @Override
    public String template() {
        return "integration/section";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (!viewer.officer()) {
            return Optional.empty();
        }
        IntegrationViews.Overview overview = service.overview(viewer.caller(), householdId);
        LocalDate today = service.today();
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", overview.householdId());
        model.put("obliged", overview.members().stream().filter(IntegrationViews.MemberView::obliged)
                .map(member -> IntegrationCards.card(member, viewer.display(), today)).toList());
        model.put("others", overview.members().stream().filter(member -> !member.obliged())
                .map(member -> IntegrationCards.card(member, viewer.display(), today)).toList());
        return Optional.of(model);
    }
}
