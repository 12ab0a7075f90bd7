package nl.welkom.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import nl.welkom.admin.AdminWireFormat.SignInCode;

/**
 * Carries a new sign-in code from the dashboard's POST (create account, reset password) to the one
 * page that shows it (post-redirect-get): kept in memory only, for the administrator who made it,
 * for {@code welkom.admin.handover-ttl}, and handed out once. A reload of that page finds nothing and
 * says so; it never makes a second code. A restart forgets pending codes (the administrator resets again).
 */
@Singleton
final class CodeHandover {
    private static final int TICKET_BYTES = 16;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AdminProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CodeHandover(AdminProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps {@code code} for {@code adminUserId}; returns the ticket the page asks with. */
    String keep(String adminUserId, String accountId, SignInCode code) {
        long now = clock.millis();
        forgetExpired(now);
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(ticket, new Pending(adminUserId, accountId, code, now + properties.handoverTtl().toMillis()));
        return ticket;
    }

    /** The code once, for the administrator who made it and the account it is for; empty afterwards. */
    Optional<SignInCode> take(String adminUserId, String accountId, String ticket) {
        Pending found = ticket == null ? null : pending.get(ticket);
        if (found == null || !found.adminUserId().equals(adminUserId) || !found.accountId().equals(accountId)
                || !pending.remove(ticket, found) || found.expiresAt() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(found.code());
    }

    private void forgetExpired(long now) {
        for (Iterator<Pending> values = pending.values().iterator(); values.hasNext(); ) {
            if (values.next().expiresAt() <= now) {
                values.remove();
            }
        }
    }

    private record Pending(String adminUserId, String accountId, SignInCode code, long expiresAt) {
    }
}
