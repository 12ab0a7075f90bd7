package nl.welkom.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Suggestions of family friends for a household of the officer's municipality, and the household's
 * wish for a woman or a man (docs/matching.md). Reads are audited.
 */
@Singleton
public class MatchingService {
    /** Audit actions of matching. */
    static final String SUGGESTIONS = "matching.suggestions";
    static final String PREFERENCE = "matching.preference";
    /** At most this many suggestions and exclusions are explained. */
    static final int MAX_SHOWN = 25;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final HouseholdScope scope;
    private final MatchingData data;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    MatchingService(HouseholdScope scope, MatchingData data, AuditLog audit, MessageSource messages, Clock clock) {
        this.scope = scope;
        this.data = data;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The ranked suggestions for the household, explained in {@code locale}.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope
     */
    @Transactional
    public SuggestionInfo suggestions(Caller officer, String householdId, Locale locale) {
        requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        MatchScore.Household facts = data.household(household, LocalDate.now(clock.withZone(AMSTERDAM)).getYear());
        MatchScore.Ranking ranking = MatchScore.rank(facts, data.candidates(household.municipalityId()));
        MatchScore.Words words = words(locale);
        List<SuggestionInfo.Suggestion> suggestions = ranking.suggestions().stream().limit(MAX_SHOWN)
                .map(scored -> new SuggestionInfo.Suggestion(scored.candidate().volunteerId(),
                        scored.candidate().buddyUserId(), scored.candidate().name(), scored.score(),
                        scored.parts().stream()
                                .map(part -> new SuggestionInfo.Part(part.kind().name(), part.points(),
                                        MatchScore.sentence(words, part.key(), part.args())))
                                .toList(),
                        scored.candidate().languages().stream().map(skill -> skill.lang() + ":" + skill.level())
                                .toList()))
                .toList();
        List<SuggestionInfo.Excluded> excluded = ranking.excluded().stream().limit(MAX_SHOWN)
                .map(left -> new SuggestionInfo.Excluded(left.candidate().volunteerId(), left.candidate().name(),
                        MatchScore.sentence(words, left.key(), left.args())))
                .toList();
        audit.record(officer, SUGGESTIONS, household.id());
        return new SuggestionInfo(household.id(), suggestions, excluded);
    }

    /** WOMAN or MAN when the household asked for one, else empty. */
    @Transactional
    public Optional<String> preference(Caller officer, String householdId) {
        requireOfficer(officer);
        return data.preference(scope.requireVisible(officer, householdId).id());
    }

    /**
     * Records the household's wish ({@code WOMAN}, {@code MAN}, or null/empty/{@code NONE} for none).
     *
     * @throws ProblemException 404 out of scope; 400 for another value
     */
    @Transactional
    public Optional<String> setPreference(Caller officer, String householdId, @Nullable String prefers) {
        requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        String value = prefers == null || prefers.isBlank() || prefers.equals("NONE") ? null : prefers;
        if (value != null && !value.equals("WOMAN") && !value.equals("MAN")) {
            throw ProblemException.badRequest("prefers must be WOMAN, MAN or NONE.");
        }
        data.savePreference(household.id(), value, clock.millis());
        audit.record(officer, PREFERENCE, household.id());
        return Optional.ofNullable(value);
    }

    MatchScore.Words words(Locale locale) {
        return new MatchScore.Words() {
            @Override
            public String text(String key, Object... args) {
                return messages.getMessage(key, locale, args).orElse(key);
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }

    private static void requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER) {
            throw new ProblemException(io.micronaut.http.HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an officer of the household's municipality may do this.");
        }
    }
}
