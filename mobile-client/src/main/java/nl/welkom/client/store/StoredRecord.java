package nl.welkom.client.store;

import java.util.Objects;

/**
 * One synced item about a household — the household itself, a task, the course progress — kept
 * as the server last sent it. Every record names its household, so that a household that leaves
 * the phone's scope takes all of its records with it ({@link LocalStore#removeHouseholds}).
 *
 * @param kind        what it is ({@code "task"}…), chosen by the view that owns it
 * @param id          its id, unique within the kind
 * @param householdId the household it is about; null only for records about nobody in particular
 * @param body        the value, usually wire JSON; never null
 */
public record StoredRecord(String kind, String id, String householdId, String body) {

    /** @throws NullPointerException when kind, id or body is null */
    public StoredRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }
}
