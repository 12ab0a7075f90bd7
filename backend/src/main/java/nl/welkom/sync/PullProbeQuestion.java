package nl.welkom.sync;

import java.util.Collections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.welkom.auth.TokenQuestion;

/**
 * A phone's pull asks {@link ChangeProbe}'s question in its token check's statement: an up-to-date
 * pull, the most common request a server gets, then reaches the database once (issue 14,
 * docs/performance.md). The answer is for the pull's own cursor; {@link ChangeFeed#quiet} asks
 * again when there is none.
 */
@Singleton
final class PullProbeQuestion implements TokenQuestion {
    /** The request attribute of the {@link ChangeProbe.Answer}. */
    static final String ATTRIBUTE = "welkom.sync.probe";
    private static final String PULL = "/api/sync/pull";

    @Override
    public @Nullable Asked ask(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || !PULL.equals(request.getPath())) {
            return null;
        }
        long after = cursor(request.getParameters().get("after"));
        if (after < 0) {
            return null;
        }
        return new Asked(ATTRIBUTE, ChangeProbe.ON_TOKEN, Collections.nCopies(ChangeProbe.ON_TOKEN_CURSORS, after),
                (row, column) -> ChangeProbe.Answer.read(row, column, after));
    }

    /** The pull's cursor as {@link SyncController} reads it (0 when absent), or -1 when it is not one. */
    private static long cursor(@Nullable String after) {
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
