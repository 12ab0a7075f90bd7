package nl.welkom.volunteer;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * What other packages may ask about volunteers (matching, the buddy's space, the match API): who can
 * be matched and what they speak. Reads only; no scope check here, so a caller passes the
 * municipality of the officer it serves.
 */
@Singleton
public class Volunteers {
    private final VolunteerRepository volunteers;
    private final VolunteerLanguages languages;

    Volunteers(VolunteerRepository volunteers, VolunteerLanguages languages) {
        this.volunteers = volunteers;
        this.languages = languages;
    }

    /** The ACTIVE volunteers of the municipality, by last name: the only ones that may be matched. */
    public List<Volunteer> matchable(String municipalityId) {
        return volunteers.findByMunicipalityIdAndStateOrderByLastNameAsc(municipalityId, VolunteerState.ACTIVE);
    }

    /** The languages a volunteer speaks, with their level, by language code. */
    public List<Skill> languagesOf(String volunteerId) {
        return languages.of(volunteerId);
    }

    /** The languages of every volunteer {@link #matchable} returns, by volunteer id, in one query. */
    public java.util.Map<String, List<Skill>> languagesOfMatchable(String municipalityId) {
        return languages.ofActive(municipalityId);
    }

    /**
     * Whether a BUDDY account may be given a new match: true when no volunteer record belongs to it
     * (accounts made by an administrator before volunteers existed) or when that volunteer is ACTIVE.
     */
    public boolean mayBeMatched(String buddyUserId) {
        return volunteers.findByUserId(buddyUserId).map(v -> v.state() == VolunteerState.ACTIVE).orElse(true);
    }

    /** A language a volunteer speaks ({@code lang}: a code of the languages Welkom offers) and how well. */
    @Serdeable
    public record Skill(String lang, Volunteer.Level level) {
    }
}
