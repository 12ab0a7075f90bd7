package nl.welkom.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.household.CaseloadFilter;
import nl.welkom.household.CaseloadPage;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.JourneyStage;

/**
 * The household list page as the template shows it: the rows, the count ("1–50 van 4.812"), the
 * page links, the sortable column headers and the filter form's values, every link a plain
 * {@code /dashboard?...} URL that keeps the search and filters (a filtered page can be bookmarked).
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param rows          the households on this page
 * @param total         matching households, formatted in the viewer's language
 * @param first         position of the first row, formatted
 * @param last          position of the last row, formatted
 * @param empty         whether nothing matched
 * @param narrowed      whether a search or filter is active (the page offers to clear it)
 * @param page          this page, from 1
 * @param pages         number of pages
 * @param previous      link to the previous page, or null on the first
 * @param next          link to the next page, or null on the last
 * @param pageLinks     numbered page links, with gaps
 * @param sorts         sortable columns by sort name (reference, name, arrival, stage, due)
 * @param form          the filter form's current values
 * @param stages        the journey stages, for the stage menu
 * @param nationalities the nationalities in the viewer's caseload, for the nationality menu
 * @param sizes         the page sizes on offer
 */
public record CaseloadView(
        List<HouseholdRow> rows,
        String total,
        String first,
        String last,
        boolean empty,
        boolean narrowed,
        int page,
        int pages,
        @Nullable String previous,
        @Nullable String next,
        List<PageLink> pageLinks,
        Map<String, SortLink> sorts,
        Form form,
        List<String> stages,
        List<Option> nationalities,
        List<Integer> sizes) {

    static final String BASE = "/dashboard";
    /** Pages shown on either side of the current one; the first and last are always shown. */
    private static final int WINDOW = 2;

    static CaseloadView of(CaseloadPage page, CaseloadFilter filter, Viewer viewer, List<HouseholdRow> rows) {
        Role role = viewer.caller().role();
        NumberFormat numbers = NumberFormat.getIntegerInstance(viewer.locale());
        CaseloadFilter shown = filter.onPage(page.page());
        List<PageLink> links = new ArrayList<>();
        int previousShown = 0;
        for (int number = 1; number <= page.pages(); number++) {
            boolean near = Math.abs(number - page.page()) <= WINDOW;
            if (number == 1 || number == page.pages() || near) {
                if (number > previousShown + 1) {
                    links.add(PageLink.GAP);
                }
                links.add(new PageLink(numbers.format(number), link(shown.onPage(number), role),
                        number == page.page(), false));
                previousShown = number;
            }
        }
        Map<String, SortLink> sorts = new LinkedHashMap<>();
        for (CaseloadFilter.Sort sort : CaseloadFilter.Sort.values()) {
            boolean active = sort == filter.sort();
            boolean descendingNext = active && !filter.descending();
            sorts.put(sort.param(), new SortLink(link(filter.sortedBy(sort, descendingNext), role),
                    active ? (filter.descending() ? "descending" : "ascending") : null));
        }
        Collator collator = Collator.getInstance(viewer.locale());
        List<Option> nationalities = page.nationalities().stream()
                .map(code -> new Option(code, viewer.display().country(code)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
        return new CaseloadView(rows, numbers.format(page.total()), numbers.format(page.first()),
                numbers.format(page.last()), page.total() == 0, filter.narrowed(), page.page(), page.pages(),
                page.page() > 1 ? link(shown.onPage(page.page() - 1), role) : null,
                page.page() < page.pages() ? link(shown.onPage(page.page() + 1), role) : null,
                List.copyOf(links), sorts, Form.of(filter),
                Arrays.stream(JourneyStage.values()).map(Enum::name).toList(), nationalities, CaseloadFilter.SIZES);
    }

    /** {@code /dashboard?...} for the filter, defaults left out. */
    static String link(CaseloadFilter filter, Role role) {
        StringBuilder link = new StringBuilder(BASE);
        char separator = '?';
        for (Map.Entry<String, String> parameter : filter.parameters(role).entrySet()) {
            link.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return link.toString();
    }

    /**
     * A numbered page link, or a gap between numbers.
     *
     * @param label   the page number, formatted; empty for a gap
     * @param href    the link; empty for a gap
     * @param current whether it is this page
     * @param gap     whether this is a gap ("…")
     */
    public record PageLink(String label, String href, boolean current, boolean gap) {
        static final PageLink GAP = new PageLink("", "", false, true);
    }

    /**
     * A column header that sorts.
     *
     * @param href     sorts by this column (the other way round when it is the current order)
     * @param ariaSort ascending or descending for the current order's column, else null
     */
    public record SortLink(String href, @Nullable String ariaSort) {
        public boolean active() {
            return ariaSort != null;
        }
    }

    /**
     * A menu option.
     *
     * @param value the value sent
     * @param label what the menu shows
     */
    public record Option(String value, String label) {
    }

    /**
     * The filter form's values as the form shows them ("" for none).
     *
     * @param q           search text
     * @param stage       stage name
     * @param nationality country code
     * @param overdue     "true", "false" or ""
     * @param conflicts   "true", "false" or ""
     * @param buddy       "true", "false" or ""
     * @param size        page size
     * @param sort        the order, kept by the form
     * @param dir         asc or desc, kept by the form
     */
    public record Form(String q, String stage, String nationality, String overdue, String conflicts, String buddy,
                       int size, String sort, String dir) {
        static Form of(CaseloadFilter filter) {
            return new Form(text(filter.query()), filter.stage() == null ? "" : filter.stage().name(),
                    text(filter.nationality()), text(filter.overdue()), text(filter.conflicts()), text(filter.buddy()),
                    filter.size(), filter.sort().param(), filter.descending() ? "desc" : "asc");
        }

        private static String text(@Nullable Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
