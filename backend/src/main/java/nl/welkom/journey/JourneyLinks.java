package nl.welkom.journey;

import java.net.URI;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

/** Where the journey's dashboard forms send the browser back to. */
public final class JourneyLinks {
    /** The query parameter that makes the household page tell the officer about a conflict their edit left. */
    public static final String CONFLICT = "conflict";

    private JourneyLinks() {
    }

    /**
     * {@code /dashboard/households/{id}?conflict=<conflictId>#fragment}: the household page, with the
     * notice about a conflict when {@code conflictId} is not null.
     */
    public static URI householdPage(String householdId, @Nullable String conflictId, @Nullable String fragment) {
        UriBuilder uri = UriBuilder.of("/dashboard/households").path(householdId);
        if (conflictId != null) {
            uri.queryParam(CONFLICT, conflictId);
        }
        if (fragment != null) {
            uri.fragment(fragment);
        }
        return uri.build();
    }
}
