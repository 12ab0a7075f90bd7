package nl.welkom.model.sync;

import java.util.List;

/** {@code POST /api/sync/push}: the phone's outbox, oldest first. */
public record PushRequest(List<Mutation> mutations) {
}
