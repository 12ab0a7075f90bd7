package nl.welkom.household;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One page of the caseload ({@code GET /api/caseload}).
 *
 * @param items         the households on this page, in the requested order
 * @param total         households that match the search and filters, on all pages
 * @param page          this page's number, from 1
 * @param size          households per page
 * @param pages         number of pages (0 when nothing matches)
 * @param sort          the order: reference, name, arrival, stage or due
 * @param direction     asc or desc
 * @param nationalities the nationalities (ISO codes, sorted) among all households in the caller's
 *                      scope, for a filter menu; empty for a buddy
 */
@Serdeable
public record CaseloadPage(
        List<CaseloadRow> items,
        long total,
        int page,
        int size,
        int pages,
        String sort,
        String direction,
        List<String> nationalities) {

    /** The first item's position on all pages (1-based), or 0 when the page is empty. */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** The last item's position on all pages, or 0 when the page is empty. */
    public long last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }
}
