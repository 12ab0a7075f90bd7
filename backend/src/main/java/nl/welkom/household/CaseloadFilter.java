package nl.welkom.household;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.problem.ProblemException;

/**
 * What a caseload request asks for (docs/caseload.md): a search, filters, an order and a page, read
 * from query parameters in one of two ways. {@link #strict} (the API) refuses a value it does not
 * understand with a 400 problem; {@link #lenient} (the dashboard's GET form, whose URL anyone can
 * edit or bookmark) ignores it or clamps it to the nearest allowed value. A buddy may only search by
 * name and sort by name, stage or next due date: the other filters and sorts read fields a buddy does
 * not see ({@link MinimalView}).
 *
 * @param query       case-insensitive part of the household's name, a member's name or (officers) the reference; null for none
 * @param stage       only households in this journey stage, or null
 * @param nationality only households of this nationality (ISO 3166 alpha-2, upper case), or null
 * @param overdue     true: only households with an overdue task; false: only those without; null: both
 * @param conflicts   true: only households with an open conflict; false: only those without; null: both
 * @param buddy       true: only households with an active buddy match; false: only those without; null: both
 * @param sort        the order
 * @param descending  reverse the order (households without an arrival or due date stay last)
 * @param page        1-based page number
 * @param size        households per page, one of {@link #SIZES}
 */
public record CaseloadFilter(
        @Nullable String query,
        @Nullable JourneyStage stage,
        @Nullable String nationality,
        @Nullable Boolean overdue,
        @Nullable Boolean conflicts,
        @Nullable Boolean buddy,
        Sort sort,
        boolean descending,
        int page,
        int size) {

    /** The page sizes on offer. */
    public static final List<Integer> SIZES = List.of(25, 50, 100);
    public static final int DEFAULT_SIZE = 50;
    /** The longest search text, in characters. */
    public static final int MAX_QUERY = 100;

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> BUDDY_PARAMETERS = Set.of("q", "sort", "dir", "page", "size");
    private static final Set<String> OFFICER_ONLY = Set.of("stage", "nationality", "overdue", "conflicts", "buddy");

    /** The orders on offer, by their query-parameter value ({@code sort=arrival}). */
    public enum Sort {
        REFERENCE, NAME, ARRIVAL, STAGE, DUE;

        /** The query-parameter value. */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether a buddy may sort so: not by fields a buddy does not see. */
        boolean forBuddy() {
            return this == NAME || this == STAGE || this == DUE;
        }

        static Optional<Sort> of(String value) {
            return Arrays.stream(values()).filter(sort -> sort.param().equalsIgnoreCase(value.trim())).findFirst();
        }

        static String choices() {
            return Arrays.stream(values()).map(Sort::param).collect(Collectors.joining(", "));
        }
    }

    /** The first page of everything in the role's default order. */
    public static CaseloadFilter all(Role role) {
        return new CaseloadFilter(null, null, null, null, null, null, defaultSort(role), false, 1, DEFAULT_SIZE);
    }

    /**
     * Reads an API request's query parameters.
     *
     * @throws ProblemException 400 naming the first parameter with a value that is not allowed
     */
    public static CaseloadFilter strict(Map<String, List<String>> parameters, Role role) {
        return new Reader(parameters, role, true).read();
    }

    /** Reads a dashboard URL's query parameters: what is not understood is ignored, numbers are clamped. */
    public static CaseloadFilter lenient(Map<String, List<String>> parameters, Role role) {
        return new Reader(parameters, role, false).read();
    }

    /** Whether a search or filter narrows the list (not counting order and paging). */
    public boolean narrowed() {
        return query != null || stage != null || nationality != null || overdue != null || conflicts != null
                || buddy != null;
    }

    /** The same request on another page. */
    public CaseloadFilter onPage(int otherPage) {
        return new CaseloadFilter(query, stage, nationality, overdue, conflicts, buddy, sort, descending,
                Math.max(1, otherPage), size);
    }

    /** The same request in another order, from its first page. */
    public CaseloadFilter sortedBy(Sort otherSort, boolean otherDescending) {
        return new CaseloadFilter(query, stage, nationality, overdue, conflicts, buddy, otherSort, otherDescending, 1,
                size);
    }

    /**
     * The query parameters that give this request, defaults left out, in a fixed order: what a link
     * to it carries.
     */
    public Map<String, String> parameters(Role role) {
        Map<String, String> parameters = new LinkedHashMap<>();
        putIfSet(parameters, "q", query);
        putIfSet(parameters, "stage", stage == null ? null : stage.name());
        putIfSet(parameters, "nationality", nationality);
        putIfSet(parameters, "overdue", overdue);
        putIfSet(parameters, "conflicts", conflicts);
        putIfSet(parameters, "buddy", buddy);
        if (sort != defaultSort(role)) {
            parameters.put("sort", sort.param());
        }
        if (descending) {
            parameters.put("dir", "desc");
        }
        if (size != DEFAULT_SIZE) {
            parameters.put("size", Integer.toString(size));
        }
        if (page != 1) {
            parameters.put("page", Integer.toString(page));
        }
        return parameters;
    }

    /** Officers see their caseload by reference; a buddy, who sees no reference, by name. */
    public static Sort defaultSort(Role role) {
        return role == Role.BUDDY ? Sort.NAME : Sort.REFERENCE;
    }

    private static void putIfSet(Map<String, String> parameters, String name, @Nullable Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    /** One pass over the parameters, strict or lenient. */
    private static final class Reader {
        private final Map<String, List<String>> parameters;
        private final Role role;
        private final boolean strict;

        Reader(Map<String, List<String>> parameters, Role role, boolean strict) {
            this.parameters = parameters;
            this.role = role;
            this.strict = strict;
        }

        CaseloadFilter read() {
            if (role == Role.BUDDY && strict) {
                for (String name : OFFICER_ONLY) {
                    if (value(name) != null) {
                        throw ProblemException.badRequest(name + ": a family friend may only search by name (q)"
                                + " and use " + String.join(", ", BUDDY_PARAMETERS.stream().sorted().toList()));
                    }
                }
            }
            boolean officer = role != Role.BUDDY;
            String query = query();
            JourneyStage stage = officer ? stage() : null;
            String nationality = officer ? nationality() : null;
            Boolean overdue = officer ? bool("overdue") : null;
            Boolean conflicts = officer ? bool("conflicts") : null;
            Boolean buddy = officer ? bool("buddy") : null;
            Sort sort = sort();
            boolean descending = descending();
            int page = page();
            int size = size();
            return new CaseloadFilter(query, stage, nationality, overdue, conflicts, buddy, sort, descending, page, size);
        }

        /** The first value of a parameter, trimmed; null when absent or empty (a form's "any" choice). */
        @Nullable
        private String value(String name) {
            List<String> values = parameters.get(name);
            if (values == null || values.isEmpty() || values.get(0) == null) {
                return null;
            }
            String value = values.get(0).trim();
            return value.isEmpty() ? null : value;
        }

        @Nullable
        private String query() {
            String query = value("q");
            if (query == null || query.length() <= MAX_QUERY) {
                return query;
            }
            if (strict) {
                throw ProblemException.badRequest("q: at most " + MAX_QUERY + " characters");
            }
            return query.substring(0, MAX_QUERY).trim();
        }

        @Nullable
        private JourneyStage stage() {
            String value = value("stage");
            if (value == null) {
                return null;
            }
            for (JourneyStage stage : JourneyStage.values()) {
                if (stage.name().equalsIgnoreCase(value)) {
                    return stage;
                }
            }
            return refuse("stage: one of " + Arrays.toString(JourneyStage.values()), null);
        }

        @Nullable
        private String nationality() {
            String value = value("nationality");
            if (value == null) {
                return null;
            }
            if (COUNTRY.matcher(value).matches()) {
                return value.toUpperCase(Locale.ROOT);
            }
            return refuse("nationality: a two-letter country code (ISO 3166), such as ER or SY", null);
        }

        @Nullable
        private Boolean bool(String name) {
            String value = value(name);
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            return refuse(name + ": true or false", null);
        }

        private Sort sort() {
            String value = value("sort");
            if (value == null) {
                return defaultSort(role);
            }
            Optional<Sort> sort = Sort.of(value).filter(found -> role != Role.BUDDY || found.forBuddy());
            if (sort.isPresent()) {
                return sort.get();
            }
            return refuse(role == Role.BUDDY ? "sort: one of name, stage, due" : "sort: one of " + Sort.choices(),
                    defaultSort(role));
        }

        private boolean descending() {
            String value = value("dir");
            if (value == null || value.equalsIgnoreCase("asc")) {
                return false;
            }
            if (value.equalsIgnoreCase("desc")) {
                return true;
            }
            return refuse("dir: asc or desc", Boolean.FALSE);
        }

        private int page() {
            String value = value("page");
            if (value == null) {
                return 1;
            }
            try {
                int page = Integer.parseInt(value);
                if (page >= 1) {
                    return page;
                }
            } catch (NumberFormatException e) {
                // refused or ignored below
            }
            return refuse("page: a whole number from 1", 1);
        }

        private int size() {
            String value = value("size");
            if (value == null) {
                return DEFAULT_SIZE;
            }
            int size;
            try {
                size = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return refuse("size: one of " + SIZES, DEFAULT_SIZE);
            }
            if (SIZES.contains(size)) {
                return size;
            }
            if (strict) {
                throw ProblemException.badRequest("size: one of " + SIZES);
            }
            // The nearest size on offer that shows at least what was asked, at most the largest.
            return SIZES.stream().filter(allowed -> allowed >= size).findFirst().orElse(SIZES.get(SIZES.size() - 1));
        }

        /** Strict: the 400 problem; lenient: {@code fallback}, as if the parameter had not been given. */
        private <T> T refuse(String detail, T fallback) {
            if (strict) {
                throw ProblemException.badRequest(detail);
            }
            return fallback;
        }
    }
}
