package nl.welkom.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import nl.welkom.matching.MatchScore.Candidate;
import nl.welkom.matching.MatchScore.Household;
import nl.welkom.matching.MatchScore.Kind;
import nl.welkom.matching.MatchScore.Level;
import nl.welkom.matching.MatchScore.Member;
import nl.welkom.matching.MatchScore.Part;
import nl.welkom.matching.MatchScore.Ranking;
import nl.welkom.matching.MatchScore.Scored;
import nl.welkom.matching.MatchScore.Skill;
import org.junit.jupiter.api.Test;

/** The score and its explanation on crafted households and volunteers (no database). */
class MatchScoreTest {
    private static final int YEAR = 2026;
    /** An Eritrean mother with two children: Tigrinya first, some Arabic; the son speaks Dutch. */
    private static final Household SINGLE_MOTHER = new Household(List.of("ti", "ar"), List.of(
            new Member(List.of("ti", "ar"), 1990), new Member(List.of("ti"), 2012), new Member(List.of("ti", "nl"), 2016)),
            null, null, Set.of(), YEAR);

    private static Candidate volunteer(String first, String last, List<Skill> languages) {
        return new Candidate(first + "-" + last, "user-" + first, first, last, "WOMAN", null, 4, List.of(), 2, languages, 0);
    }

    private static Candidate with(Candidate c, int hours, List<String> prefers, int max, int active, String gender,
                                  String postcode) {
        return new Candidate(c.volunteerId(), c.buddyUserId(), c.firstName(), c.lastName(), gender, postcode, hours,
                prefers, max, c.languages(), active);
    }

    private static int points(Scored scored, Kind kind) {
        return scored.parts().stream().filter(part -> part.kind() == kind).mapToInt(Part::points).sum();
    }

    private static MatchScore.Words words(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.matching", locale);
        return new MatchScore.Words() {
            @Override
            public String text(String key, Object... args) {
                return new MessageFormat(bundle.getString(key), locale).format(args);
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }

    private static List<String> sentences(Scored scored, Locale locale) {
        return scored.parts().stream().map(part -> MatchScore.sentence(words(locale), part.key(), part.args())).toList();
    }

    @Test
    void theFamilysFirstLanguageCountsMostAndTheLevelCounts() {
        Scored nativeTi = MatchScore.score(SINGLE_MOTHER, volunteer("Semhar", "T", List.of(new Skill("ti", Level.NATIVE))));
        Scored goodTi = MatchScore.score(SINGLE_MOTHER, volunteer("Yonas", "G", List.of(new Skill("ti", Level.GOOD))));
        Scored basicTi = MatchScore.score(SINGLE_MOTHER, volunteer("Anna", "B", List.of(new Skill("ti", Level.BASIC))));
        Scored fluentAr = MatchScore.score(SINGLE_MOTHER, volunteer("Omar", "A", List.of(new Skill("ar", Level.FLUENT))));
        Scored nativeNl = MatchScore.score(SINGLE_MOTHER, volunteer("Els", "N", List.of(new Skill("nl", Level.NATIVE))));
        Scored french = MatchScore.score(SINGLE_MOTHER, volunteer("Marie", "F", List.of(new Skill("fr", Level.NATIVE))));

        assertEquals(40, points(nativeTi, Kind.LANGUAGE));
        assertEquals(24, points(goodTi, Kind.LANGUAGE));
        assertEquals(12, points(basicTi, Kind.LANGUAGE));
        assertEquals(25, points(fluentAr, Kind.LANGUAGE), "another language of the family counts less than its first");
        assertEquals(12, points(nativeNl, Kind.LANGUAGE), "Dutch, spoken by a child, counts less still");
        assertEquals(0, points(french, Kind.LANGUAGE), "a language nobody in the family speaks counts nothing");
        assertTrue(sentences(french, Locale.forLanguageTag("nl")).contains("Spreekt geen taal van het gezin"));
    }

    @Test
    void theExplanationSaysWhyInDutchAndInEnglish() {
        Candidate semhar = with(volunteer("Semhar", "Tesfay", List.of(new Skill("ti", Level.NATIVE),
                new Skill("nl", Level.FLUENT))), 6, List.of("SINGLE_PARENT"), 2, 1, "WOMAN", null);

        Scored scored = MatchScore.score(SINGLE_MOTHER, semhar);

        assertEquals(List.of(
                "Spreekt Tigrinya (moedertaal) \u2014 de taal van het gezin",
                "Spreekt Nederlands (vloeiend) \u2014 telt minder dan de eigen taal van het gezin",
                "Wil graag een alleenstaande ouder steunen",
                "6 uur per week beschikbaar",
                "Nog ruimte: begeleidt 1 van maximaal 2 gezinnen"), sentences(scored, Locale.forLanguageTag("nl")));
        assertEquals("Speaks Tigrinya (native) \u2014 the family\u2019s language",
                sentences(scored, Locale.ENGLISH).get(0));
        assertEquals(40 + 12 + 10 + 6 + 5, scored.score(), "the score is the sum of its parts");
    }

    @Test
    void aSingleParentYoungPeopleAndAFamilyAreRecognisedFromTheMembersAges() {
        Candidate all = with(volunteer("Lisa", "P", List.of()), 4, List.of("SINGLE_PARENT", "YOUNG_PEOPLE", "FAMILY"),
                2, 0, "WOMAN", null);
        Household twoParents = new Household(List.of("ar"), List.of(new Member(List.of("ar"), 1980),
                new Member(List.of("ar"), 1982), new Member(List.of("ar"), 2020)), null, null, Set.of(), YEAR);
        Household youngAdult = new Household(List.of("fa"), List.of(new Member(List.of("fa"), 2004)), null, null,
                Set.of(), YEAR);

        assertEquals(25, points(MatchScore.score(SINGLE_MOTHER, all), Kind.PREFERENCE),
                "single parent 10 + young people (14 years) 10 + family 5");
        assertEquals(5, points(MatchScore.score(twoParents, all), Kind.PREFERENCE), "two adults: not a single parent");
        assertEquals(10, points(MatchScore.score(youngAdult, all), Kind.PREFERENCE), "22 years old counts as young");
    }

    @Test
    void aHouseholdThatAskedForAWomanLiftsWomenAndLowersOthers() {
        Household asked = new Household(SINGLE_MOTHER.languages(), SINGLE_MOTHER.members(), "WOMAN", null, Set.of(), YEAR);
        Candidate woman = with(volunteer("Amal", "W", List.of()), 4, List.of(), 2, 0, "WOMAN", null);
        Candidate man = with(volunteer("Bram", "M", List.of()), 4, List.of(), 2, 0, "MAN", null);

        assertEquals(20, points(MatchScore.score(asked, woman), Kind.GENDER));
        assertEquals(-30, points(MatchScore.score(asked, man), Kind.GENDER));
        assertTrue(sentences(MatchScore.score(asked, man), Locale.forLanguageTag("nl"))
                .contains("Het gezin vroeg om een vrouw"));
        assertEquals(0, points(MatchScore.score(SINGLE_MOTHER, man), Kind.GENDER), "no wish, no part");
    }

    @Test
    void nearbyPostcodesCountAsARoughProxyAndUnknownOnesNotAtAll() {
        Household housed = new Household(List.of("ti"), List.of(), null, "8011 AB", Set.of(), YEAR);
        Candidate same = with(volunteer("A", "A", List.of()), 4, List.of(), 2, 0, "WOMAN", "8011CD");
        Candidate near = with(volunteer("B", "B", List.of()), 4, List.of(), 2, 0, "WOMAN", "8025XY");
        Candidate far = with(volunteer("C", "C", List.of()), 4, List.of(), 2, 0, "WOMAN", "7411AA");
        Candidate unknown = with(volunteer("D", "D", List.of()), 4, List.of(), 2, 0, "WOMAN", null);

        assertEquals(10, points(MatchScore.score(housed, same), Kind.DISTANCE));
        assertEquals(5, points(MatchScore.score(housed, near), Kind.DISTANCE));
        assertEquals(0, points(MatchScore.score(housed, far), Kind.DISTANCE));
        assertEquals("Woont verder weg: postcode 7411, het gezin 8011 (ruwe schatting)",
                sentences(MatchScore.score(housed, far), Locale.forLanguageTag("nl")).stream()
                        .filter(s -> s.startsWith("Woont")).findFirst().orElseThrow());
        assertTrue(MatchScore.score(housed, unknown).parts().stream().noneMatch(p -> p.kind() == Kind.DISTANCE));
        assertTrue(MatchScore.score(SINGLE_MOTHER, same).parts().stream().noneMatch(p -> p.kind() == Kind.DISTANCE),
                "a household without a known postcode has no distance part");
    }

    @Test
    void hoursAndRoomAddUpToTenEach() {
        Candidate busy = with(volunteer("A", "A", List.of()), 2, List.of(), 4, 3, "WOMAN", null);
        Candidate free = with(volunteer("B", "B", List.of()), 20, List.of(), 4, 0, "WOMAN", null);

        assertEquals(2, points(MatchScore.score(SINGLE_MOTHER, busy), Kind.HOURS));
        assertEquals(10, points(MatchScore.score(SINGLE_MOTHER, free), Kind.HOURS));
        assertEquals(3, points(MatchScore.score(SINGLE_MOTHER, busy), Kind.ROOM), "1 of 4 places free");
        assertEquals(10, points(MatchScore.score(SINGLE_MOTHER, free), Kind.ROOM));
    }

    @Test
    void aFullVolunteerAndTheHouseholdsOwnFamilyFriendAreLeftOutWithTheReason() {
        Candidate full = with(volunteer("Ruth", "Vol", List.of(new Skill("ti", Level.NATIVE))), 4, List.of(), 2, 2,
                "WOMAN", null);
        Candidate own = volunteer("Mehari", "Eigen", List.of(new Skill("ti", Level.NATIVE)));
        Candidate other = volunteer("Anna", "Ander", List.of());
        Household matched = new Household(SINGLE_MOTHER.languages(), SINGLE_MOTHER.members(), null, null,
                Set.of(own.buddyUserId()), YEAR);

        Ranking ranking = MatchScore.rank(matched, List.of(full, own, other));

        assertEquals(List.of("Anna"), ranking.suggestions().stream().map(s -> s.candidate().firstName()).toList());
        assertEquals(List.of("Mehari", "Ruth"), ranking.excluded().stream().map(e -> e.candidate().firstName()).toList());
        assertEquals("Vol: begeleidt al 2 van maximaal 2 gezinnen", MatchScore.sentence(words(Locale.forLanguageTag("nl")),
                ranking.excluded().get(1).key(), ranking.excluded().get(1).args()));
        assertEquals("Is al familievriend van dit gezin", MatchScore.sentence(words(Locale.forLanguageTag("nl")),
                ranking.excluded().get(0).key(), ranking.excluded().get(0).args()));
    }

    @Test
    void theBestScoreComesFirstAndEqualScoresGoByName() {
        Candidate zegers = volunteer("Piet", "Zegers", List.of(new Skill("ti", Level.GOOD)));
        Candidate bakker = volunteer("Jan", "Bakker", List.of(new Skill("ti", Level.GOOD)));
        Candidate abebe = volunteer("Saba", "Abebe", List.of(new Skill("ti", Level.NATIVE)));
        Candidate bakkerA = volunteer("Anna", "Bakker", List.of(new Skill("ti", Level.GOOD)));

        Ranking ranking = MatchScore.rank(SINGLE_MOTHER, List.of(zegers, bakker, abebe, bakkerA));

        assertEquals(List.of("Saba Abebe", "Anna Bakker", "Jan Bakker", "Piet Zegers"),
                ranking.suggestions().stream().map(s -> s.candidate().name()).toList());
    }
}
