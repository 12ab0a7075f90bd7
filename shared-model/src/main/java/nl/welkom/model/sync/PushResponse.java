package nl.welkom.model.sync;

import java.util.List;

/** Answer to {@link PushRequest}: one result per mutation, in the same order. */
public record PushResponse(List<MutationResult> results) {
}
