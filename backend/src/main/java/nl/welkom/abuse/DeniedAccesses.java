package nl.welkom.abuse;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;

/**
 * Denied accesses: a caller asked for a household that exists but lies outside its scope
 * ({@code HouseholdScope.requireVisible}, answered 404). Each is written to the audit log as
 * {@value #ACCESS_DENIED} with the caller's ids and the household id, and counted. During a request
 * the row is written after the answer is made ({@link DeniedAccessFilter}), in its own transaction, so
 * the rollback of the refused request does not take it along; outside a request it is written at once.
 */
@Singleton
public class DeniedAccesses {
    /** Audit action of a denied access to another municipality's (or an unmatched) household. */
    public static final String ACCESS_DENIED = "household.access-denied";
    static final String ATTRIBUTE = "welkom.denied-accesses";

    private final AuditLog audit;
    private final AbuseCounters counters;
    private final TransactionOperations<Connection> transactions;

    DeniedAccesses(AuditLog audit, AbuseCounters counters, TransactionOperations<Connection> transactions) {
        this.audit = audit;
        this.counters = counters;
        this.transactions = transactions;
    }

    /** Notes that {@code caller} was refused the existing household {@code householdId}. */
    public void note(Caller caller, String householdId) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty()) {
            record(new Denial(caller, householdId));
            return;
        }
        denialsOf(request.get()).add(new Denial(caller, householdId));
    }

    @SuppressWarnings("unchecked")
    static Set<Denial> denialsOf(HttpRequest<?> request) {
        Optional<Object> existing = request.getAttribute(ATTRIBUTE);
        if (existing.isPresent()) {
            return (Set<Denial>) existing.get();
        }
        Set<Denial> denials = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        request.setAttribute(ATTRIBUTE, denials);
        return denials;
    }

    void record(Denial denial) {
        counters.deniedAccess();
        transactions.executeWrite(status -> {
            audit.recordRefusal(denial.caller(), ACCESS_DENIED, denial.householdId(), null);
            return null;
        });
    }

    /** One refused caller and household; equal pairs are recorded once per request. */
    record Denial(Caller caller, String householdId) {
    }
}
