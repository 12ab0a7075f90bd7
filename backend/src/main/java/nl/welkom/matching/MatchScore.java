package nl.welkom.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/**
 * The one scoring rule for family-friend suggestions (docs/matching.md, "Score"): pure, no database,
 * no clock. Each candidate gets parts, each a number of points and a sentence (a message key with
 * arguments, rendered later in the reader's language by {@link #sentence}); the score is their sum.
 * A volunteer with no room left, or already matched with this household, is excluded with the reason.
 */
final class MatchScore {
    /** Points for a shared language at the best level, by how the household uses it. */
    static final int LANGUAGE_FIRST = 40;
    static final int LANGUAGE_OTHER = 25;
    static final int LANGUAGE_BRIDGE = 12;
    static final int DISTANCE_SAME = 10;
    static final int DISTANCE_NEAR = 5;
    /** PC4 numbers at most this far apart count as "nearby" (a rough proxy, not a distance in km). */
    static final int NEAR_PC4 = 20;
    static final int HOURS_MAX = 10;
    static final int ROOM_MAX = 10;
    static final int PREFERENCE_FIT = 10;
    static final int PREFERENCE_FAMILY = 5;
    static final int GENDER_FIT = 20;
    static final int GENDER_MISFIT = -30;

    /** Dutch and English help, but count less than a language the family lives in. */
    private static final Set<String> BRIDGE_LANGUAGES = Set.of("nl", "en");

    private MatchScore() {
    }

    enum Level { BASIC, GOOD, FLUENT, NATIVE }

    enum Kind { LANGUAGE, DISTANCE, HOURS, ROOM, PREFERENCE, GENDER }

    /** What scoring needs to know about the household. */
    record Household(List<String> languages, List<Member> members, @Nullable String prefersGender,
                     @Nullable String postcode, Set<String> matchedBuddyUserIds, int year) {
    }

    /** A member: languages, and the birth year when known. */
    record Member(List<String> languages, @Nullable Integer birthYear) {
    }

    /** A language a volunteer speaks and how well. */
    record Skill(String lang, Level level) {
    }

    /** An ACTIVE volunteer with a BUDDY account, and the number of households they support now. */
    record Candidate(String volunteerId, String buddyUserId, String firstName, String lastName, String gender,
                     @Nullable String postcode, int hoursPerWeek, List<String> prefers, int maxHouseholds,
                     List<Skill> languages, int activeMatches) {
        /** The tie-break key: last name, first name, lower case. */
        String sortKey() {
            return (lastName + "\u0000" + firstName).toLowerCase(Locale.ROOT);
        }

        String name() {
            return firstName + " " + lastName;
        }
    }

    /** A language code in a sentence: rendered as the language's name in the reader's language. */
    record Lang(String code) {
    }

    /** A level in a sentence: rendered through the key {@code matching.level.<LEVEL>}. */
    record LevelWord(Level level) {
    }

    /** One reason: its points and its sentence as a message key with arguments. */
    record Part(Kind kind, int points, String key, List<Object> args) {
    }

    /** A candidate with its score and parts, best part first. */
    record Scored(Candidate candidate, int score, List<Part> parts) {
    }

    /** A candidate left out, with why (a message key and its arguments). */
    record Excluded(Candidate candidate, String key, List<Object> args) {
    }

    /** The suggestions best first (ties by last name, first name), and who was left out and why. */
    record Ranking(List<Scored> suggestions, List<Excluded> excluded) {
    }

    /** How a sentence's words are found: message texts and language names in one language. */
    interface Words {
        String text(String key, Object... args);

        Locale locale();
    }

    private static final Comparator<Candidate> BY_NAME = Comparator.comparing(Candidate::sortKey)
            .thenComparing(Candidate::volunteerId);

    static Ranking rank(Household household, List<Candidate> candidates) {
        List<Scored> scored = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (household.matchedBuddyUserIds().contains(candidate.buddyUserId())) {
                excluded.add(new Excluded(candidate, "matching.why.matched", List.of()));
            } else if (candidate.activeMatches() >= candidate.maxHouseholds()) {
                excluded.add(new Excluded(candidate, "matching.why.full",
                        List.of(candidate.activeMatches(), candidate.maxHouseholds())));
            } else {
                scored.add(score(household, candidate));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(Scored::candidate, BY_NAME));
        excluded.sort(Comparator.comparing(Excluded::candidate, BY_NAME));
        return new Ranking(scored, excluded);
    }

    /** The score of a volunteer who may be matched (room left, not matched with this household). */
    static Scored score(Household household, Candidate candidate) {
        List<Part> parts = new ArrayList<>(languages(household, candidate));
        distance(household, candidate, parts);
        parts.add(new Part(Kind.HOURS, Math.min(candidate.hoursPerWeek(), HOURS_MAX), "matching.why.hours",
                List.of(candidate.hoursPerWeek())));
        int free = candidate.maxHouseholds() - candidate.activeMatches();
        parts.add(new Part(Kind.ROOM, Math.round((float) ROOM_MAX * free / candidate.maxHouseholds()),
                "matching.why.room", List.of(candidate.activeMatches(), candidate.maxHouseholds())));
        preferences(household, candidate, parts);
        gender(household, candidate, parts);
        parts.sort(Comparator.comparingInt(Part::points).reversed());
        return new Scored(candidate, parts.stream().mapToInt(Part::points).sum(), List.copyOf(parts));
    }

    private static List<Part> languages(Household household, Candidate candidate) {
        String first = household.languages().isEmpty() ? null : household.languages().get(0);
        List<Part> parts = new ArrayList<>();
        for (Skill skill : candidate.languages()) {
            String lang = skill.lang();
            String key;
            int weight;
            if (lang.equals(first)) {
                key = "matching.why.language.first";
                weight = LANGUAGE_FIRST;
            } else if (!spokenBy(household, lang)) {
                continue;
            } else if (BRIDGE_LANGUAGES.contains(lang)) {
                key = "matching.why.language.bridge";
                weight = LANGUAGE_BRIDGE;
            } else {
                key = "matching.why.language.other";
                weight = LANGUAGE_OTHER;
            }
            parts.add(new Part(Kind.LANGUAGE, Math.round(weight * factor(skill.level())), key,
                    List.of(new Lang(lang), new LevelWord(skill.level()))));
        }
        if (parts.isEmpty()) {
            parts.add(new Part(Kind.LANGUAGE, 0, "matching.why.language.none", List.of()));
        }
        return parts;
    }

    /** NATIVE and FLUENT count in full, GOOD 60 %, BASIC 30 %. */
    static float factor(Level level) {
        return switch (level) {
            case NATIVE, FLUENT -> 1f;
            case GOOD -> 0.6f;
            case BASIC -> 0.3f;
        };
    }

    private static boolean spokenBy(Household household, String lang) {
        return household.languages().contains(lang)
                || household.members().stream().anyMatch(member -> member.languages().contains(lang));
    }

    private static void distance(Household household, Candidate candidate, List<Part> parts) {
        Integer home = pc4(household.postcode());
        Integer theirs = pc4(candidate.postcode());
        if (home == null || theirs == null) {
            return;
        }
        int apart = Math.abs(home - theirs);
        if (apart == 0) {
            parts.add(new Part(Kind.DISTANCE, DISTANCE_SAME, "matching.why.distance.same", List.of(theirs)));
        } else if (apart <= NEAR_PC4) {
            parts.add(new Part(Kind.DISTANCE, DISTANCE_NEAR, "matching.why.distance.near", List.of(theirs, home)));
        } else {
            parts.add(new Part(Kind.DISTANCE, 0, "matching.why.distance.far", List.of(theirs, home)));
        }
    }

    /** The four digits of a Dutch postcode ("8011 AB", "8011AB"), or null. */
    @Nullable
    static Integer pc4(@Nullable String postcode) {
        if (postcode == null) {
            return null;
        }
        String digits = postcode.trim();
        if (digits.length() < 4) {
            return null;
        }
        digits = digits.substring(0, 4);
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(digits);
    }

    private static void preferences(Household household, Candidate candidate, List<Part> parts) {
        List<Integer> ages = household.members().stream()
                .map(member -> member.birthYear() == null ? null : household.year() - member.birthYear())
                .toList();
        boolean allKnown = !ages.isEmpty() && ages.stream().allMatch(age -> age != null);
        long adults = ages.stream().filter(age -> age != null && age >= 18).count();
        boolean children = ages.stream().anyMatch(age -> age != null && age < 18);
        boolean young = ages.stream().anyMatch(age -> age != null && age >= 12 && age <= 25);
        for (String preference : candidate.prefers()) {
            switch (preference) {
                case "SINGLE_PARENT" -> {
                    if (allKnown && adults == 1 && children) {
                        parts.add(new Part(Kind.PREFERENCE, PREFERENCE_FIT, "matching.why.prefers.singleParent",
                                List.of()));
                    }
                }
                case "YOUNG_PEOPLE" -> {
                    if (young) {
                        parts.add(new Part(Kind.PREFERENCE, PREFERENCE_FIT, "matching.why.prefers.young", List.of()));
                    }
                }
                case "FAMILY" -> {
                    if (children) {
                        parts.add(new Part(Kind.PREFERENCE, PREFERENCE_FAMILY, "matching.why.prefers.family",
                                List.of()));
                    }
                }
                default -> {
                    // WOMAN and MAN: the members' gender is not recorded, so these cannot be checked.
                }
            }
        }
    }

    private static void gender(Household household, Candidate candidate, List<Part> parts) {
        String wanted = household.prefersGender();
        if (wanted == null) {
            return;
        }
        boolean fits = wanted.equals(candidate.gender());
        parts.add(new Part(Kind.GENDER, fits ? GENDER_FIT : GENDER_MISFIT,
                "matching.why.gender." + (fits ? "fits" : "misfits") + "." + wanted, List.of()));
    }

    /** A part's or an exclusion's sentence in the words' language. */
    static String sentence(Words words, String key, List<Object> args) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            Object arg = args.get(i);
            if (arg instanceof Lang lang) {
                values[i] = languageName(lang.code(), words.locale());
            } else if (arg instanceof LevelWord level) {
                values[i] = words.text("matching.level." + level.level().name());
            } else if (arg instanceof Integer number && number >= 1000 && number <= 9999) {
                values[i] = number.toString(); // a PC4, not "8.011"
            } else {
                values[i] = arg;
            }
        }
        return words.text(key, values);
    }

    static String languageName(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
