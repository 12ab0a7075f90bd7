package nl.welkom.model.sync;

import java.util.List;

import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;

/**
 * {@code GET /api/sync/pull?after=N}: what changed in the device's scope after server sequence N.
 *
 * @param cursor       the server sequence this page brings the phone up to; send it as {@code after} next time
 * @param hasMore      true when more changes wait: pull again with the new cursor
 * @param household    the household when it changed after N, otherwise null
 * @param tasks        tasks created or changed after N
 * @param deletedTaskIds ids of tasks removed after N (tombstones)
 */
public record PullResponse(long cursor, boolean hasMore, Household household, List<Task> tasks, List<String> deletedTaskIds) {
}
