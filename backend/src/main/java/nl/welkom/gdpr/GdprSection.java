package nl.welkom.gdpr;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;

/**
 * The household page's "Privacy (AVG)" part (order 950, last), officers only: when the retention
 * rule will erase the household (highlighted from {@link Retention#WARNING_DAYS} days before), a
 * link that downloads everything Welkom holds about it, and the way to erase it now.
 */
@Singleton
final class GdprSection implements HouseholdSection {
    private final Retention retention;

    GdprSection(Retention retention) {
        this.retention = retention;
    }

    @Override
    public String template() {
        return "gdpr/section";
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (!viewer.officer()) {
            return Optional.empty();
        }
        LocalDate today = retention.today();
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", householdId);
        model.put("months", retention.months());
        retention.of(householdId).ifPresent(scheduled -> {
            model.put("eraseOn", viewer.display().date(scheduled.eraseOn()));
            model.put("termEnd", viewer.display().date(scheduled.termEnd()));
            model.put("soon", !scheduled.eraseOn().isAfter(today.plusDays(Retention.WARNING_DAYS)));
        });
        return Optional.of(model);
    }
}
