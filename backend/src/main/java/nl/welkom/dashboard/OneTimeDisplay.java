package nl.welkom.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a just-created secret (a sign-in code, an activation code) from the dashboard's POST to
 * the page that shows it (post-redirect-get), in memory only: the POST {@link #keep keeps} it under a
 * random ticket (the ticket is not the secret and says nothing about it) and redirects to a page
 * that names the ticket; that page gets it back only for the same user and the same subject (the
 * account, the household) and only for {@code shownFor}. The caller chooses whether a reload shows
 * it again ({@link #show}) or finds nothing ({@link #takeOnce}). After a restart, or on another
 * server instance, nothing is found. Each feature holds its own instance.
 *
 * @param <T> what is shown
 */
public final class OneTimeDisplay<T> {
    private static final int TICKET_BYTES = 18;
    /** More waiting secrets than any municipality makes in ten minutes: beyond it the oldest go first. */
    private static final int MAX_WAITING = 10_000;

    private final Map<String, Waiting<T>> waiting = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration shownFor;

    public OneTimeDisplay(Clock clock, Duration shownFor) {
        this.clock = clock;
        this.shownFor = shownFor;
    }

    /** Keeps {@code value} for {@code userId} about {@code subjectId}; returns the ticket that finds it. */
    public String keep(String userId, String subjectId, T value) {
        long now = clock.millis();
        forgetExpired(now);
        if (waiting.size() >= MAX_WAITING) {
            waiting.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> Long.compare(a.until(), b.until())))
                    .ifPresent(oldest -> waiting.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        waiting.put(ticket, new Waiting<>(userId, subjectId, value, now + shownFor.toMillis()));
        return ticket;
    }

    /** The value behind {@code ticket} when it is {@code userId}'s, about {@code subjectId}, and still shown; a reload finds it again. */
    public Optional<T> show(String ticket, String userId, String subjectId) {
        return Optional.ofNullable(found(ticket, userId, subjectId)).map(Waiting::value);
    }

    /** Like {@link #show}, but hands the value out once: afterwards (a reload, the back button) it is gone. */
    public Optional<T> takeOnce(String ticket, String userId, String subjectId) {
        Waiting<T> found = found(ticket, userId, subjectId);
        return found != null && waiting.remove(ticket, found) ? Optional.of(found.value()) : Optional.empty();
    }

    private Waiting<T> found(String ticket, String userId, String subjectId) {
        forgetExpired(clock.millis());
        Waiting<T> found = ticket == null ? null : waiting.get(ticket);
        return found != null && found.userId().equals(userId) && found.subjectId().equals(subjectId) ? found : null;
    }

    private void forgetExpired(long now) {
        waiting.values().removeIf(entry -> entry.until() <= now);
    }

    private record Waiting<T>(String userId, String subjectId, T value, long until) {
    }
}
