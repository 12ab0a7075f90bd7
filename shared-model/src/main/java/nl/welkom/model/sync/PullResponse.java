package nl.welkom.model.sync;

import java.util.List;

import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;

/**
 * {@code GET /api/sync/pull?after=N&limit=M&lang=ar,en}: what changed in the caller's scope after
 * server sequence N, oldest first (docs/sync.md). Every list is present, possibly empty.
 *
 * @param cursor              the server sequence this page brings the phone up to; send it as {@code after} next time
 * @param hasMore             true when more changes wait: pull again with the new cursor
 * @param households          full snapshots of households that changed or entered the scope
 * @param tasks               tasks created or changed (all live tasks of a household that entered the scope)
 * @param deletedTaskIds      ids of tasks removed (tombstones)
 * @param removedHouseholdIds households that left the scope: delete them, their tasks and outbox entries
 * @param contentVersion      version of the content pack for the {@code lang} chain, or null without {@code lang}
 * @param appointments        appointments created or changed (all of a household that entered the scope);
 *                            absent (null) from servers before appointments: read as empty
 * @param messages            messages of the households' conversations that are new or changed (read) — all
 *                            of a household's conversation the caller may read when it enters the scope;
 *                            null from older servers: read as empty
 * @param announcements       for a household's phone: announcements new, changed or withdrawn (all live
 *                            ones for its household when the household's snapshot is in the page), in the
 *                            {@code lang} chain's language; null from older servers: read as empty
 * @param meetings            for a family friend's phone: the meetings they logged that are new (all of a
 *                            household's when it enters their scope, at most the latest 50); empty for
 *                            everyone else; null from older servers: read as empty
 */
public record PullResponse(
        long cursor,
        boolean hasMore,
        List<Household> households,
        List<Task> tasks,
        List<String> deletedTaskIds,
        List<String> removedHouseholdIds,
        String contentVersion,
        List<Appointment> appointments,
        List<Message> messages,
        List<Announcement> announcements,
        List<Meeting> meetings) {
}
