package nl.welkom.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.dashboard.HouseholdSection;
import nl.welkom.dashboard.Viewer;
import nl.welkom.household.BuddyMatchRepository;
import nl.welkom.household.LanguageList;
import nl.welkom.model.auth.Role;

/**
 * The "Familievriend" part of a household's page ({@code matching/section}), officers only: the
 * current family friend(s) with "end", or, without one, the ranked suggestions with their sentences
 * in the page's language and a "match" button each; and the household's wish for a woman or a man.
 * The suggestions are read through {@link MatchingService}, which audits them.
 */
@Singleton
final class MatchingSection implements HouseholdSection {
    /** Suggestions shown on the page. */
    static final int SHOWN = 10;

    private final MatchingService service;
    private final BuddyMatchRepository matches;
    private final AppUserRepository users;

    MatchingSection(MatchingService service, BuddyMatchRepository matches, AppUserRepository users) {
        this.service = service;
        this.matches = matches;
        this.users = users;
    }

    /** The current family friend as the page shows it. */
    record Current(String matchId, String name, String since, String languages) {
    }

    @Override
    public String template() {
        return "matching/section";
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public Optional<Map<String, Object>> model(Viewer viewer, String householdId) {
        if (viewer.caller().role() != Role.OFFICER) {
            return Optional.empty();
        }
        List<Current> current = matches.findByHouseholdIdAndEndedAtIsNullOrderByStartedAt(householdId).stream()
                .map(match -> {
                    Optional<AppUser> buddy = users.findById(match.buddyUserId());
                    return new Current(match.id(), buddy.map(AppUser::displayName).orElse(""),
                            viewer.display().dateTime(match.startedAt()),
                            viewer.display().languages(buddy.map(user -> LanguageList.parse(user.languages()))
                                    .orElse(List.of())));
                })
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("householdId", householdId);
        model.put("current", current);
        model.put("preference", service.preference(viewer.caller(), householdId).orElse("NONE"));
        model.put("preferences", List.of("NONE", "WOMAN", "MAN"));
        if (current.isEmpty()) {
            SuggestionInfo info = service.suggestions(viewer.caller(), householdId, viewer.locale());
            model.put("suggestions", info.suggestions().stream().limit(SHOWN).toList());
            model.put("excluded", info.excluded());
        } else {
            model.put("suggestions", List.of());
            model.put("excluded", List.of());
        }
        return Optional.of(model);
    }
}
