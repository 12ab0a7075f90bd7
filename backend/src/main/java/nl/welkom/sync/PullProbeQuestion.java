package nl.welkom.sync;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.welkom.auth.TokenQuestion;

/**
 * A phone's pull asks {@link ChangeProbe}'s question in its token check's statement: an up-to-date
 * pull, the most common request a server gets, then reaches the database once (issue 14,
 * docs/performance.md). The answer is for the pull's own cursor; {@link ChangeFeed#quiet} asks
 * again when there is none. A phone at the highest head this server has seen is asked only for the
 * head ({@link ChangeProbe#HEAD_ON_TOKEN}): when nothing changed anywhere, that is the whole answer.
 */
@Singleton
final class PullProbeQuestion implements TokenQuestion {
    /** The request attribute of the {@link ChangeProbe.Answer}. */
    static final String ATTRIBUTE = "welkom.sync.probe";
    private static final String PULL = "/api/sync/pull";

    /**
     * The highest head this server has read, -1 before the first: only a hint of which form to ask.
     * A phone at it is most likely up to date, and the head alone tells; a phone behind it is asked
     * the whole question. Either way the answer comes from the database, so a wrong hint costs a
     * second statement, never a wrong page.
     */
    private final AtomicLong seenHead = new AtomicLong(-1);

    @Override
    public @Nullable Asked ask(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || !PULL.equals(request.getPath())) {
            return null;
        }
        long after = cursor(request.getParameters().get("after"));
        if (after < 0) {
            return null;
        }
        long seen = seenHead.get();
        if (seen >= 0 && after >= seen) {
            return new Asked(ATTRIBUTE, ChangeProbe.HEAD_ON_TOKEN, List.of(),
                    (row, column) -> ChangeProbe.Answer.readHead(row, column, after, this::seen));
        }
        return new Asked(ATTRIBUTE, ChangeProbe.ON_TOKEN, List.of(after),
                (row, column) -> ChangeProbe.Answer.read(row, column, after, this::seen));
    }

    private void seen(long head) {
        seenHead.accumulateAndGet(head, Math::max);
    }

    /** The pull's cursor as {@link SyncController} reads it (0 when absent), or -1 when it is not one. */
    private static long cursor(@Nullable String after) {
        Long cursor = SyncController.queryNumber(after, 0);
        return cursor == null ? -1 : cursor;
    }
}
