package nl.welkom.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * A question a route asks about the calling device in the token check's own statement, so that the
 * request reaches the database once instead of twice (issue 14: a phone's up-to-date pull, where
 * the second round trip to PostgreSQL cost about a third of the request). The question's select
 * expressions may name the token's device {@code d}, that device's household {@code h}, and the
 * request's own values {@code q.v1}, {@code q.v2}, … — never a {@code ?}: the checks of many requests
 * share one statement (CombinedChecks), each token with its own values in its row {@code q}.
 *
 * <p>{@link BearerTokenFetcher} puts the answer on the request under {@link Asked#attribute()} only
 * when the token authenticates a household's device, so the answer always belongs to the request's
 * own caller. A route uses it as a shortcut and must work the same without it.
 */
public interface TokenQuestion {

    /** What to ask for this request, or null when its route asks nothing. */
    @Nullable
    Asked ask(HttpRequest<?> request);

    /**
     * A question for one request.
     *
     * @param attribute  the request attribute the answer is put under
     * @param columns   select expressions, comma-separated, on {@code d}, {@code h} and {@code q.v1}…: one of a
     *                  few constants (the token check makes its statement once per distinct text)
     * @param values    the request's values {@code q.v1}, {@code q.v2}, … in order; as many for every
     *                  request that asks these columns
     * @param reader    reads the answer from the row, from the first of the question's columns on
     */
    record Asked(String attribute, String columns, List<Object> values, Reader reader) {
        public Asked {
            values = List.copyOf(values);
        }
    }

    /** Reads a question's answer from the token check's row. */
    @FunctionalInterface
    interface Reader {
        /**
         * @param row         the token check's row
         * @param firstColumn the index of the question's first column
         * @return the answer, or null when the row does not answer (the route then asks on its own)
         */
        @Nullable
        Object read(ResultSet row, int firstColumn) throws SQLException;
    }
}
