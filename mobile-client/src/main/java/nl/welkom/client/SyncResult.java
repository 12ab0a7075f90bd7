package nl.welkom.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import nl.welkom.client.store.SyncNotice;

/**
 * What one {@link Welkom#sync(SyncListener)} did. Immutable.
 */
public final class SyncResult {
    private final int applied;
    private final int conflicts;
    private final int rejected;
    private final int pulled;
    private final boolean contentUpdated;
    private final long bytesReceived;
    private final int requests;
    private final List<SyncNotice> notices;
    private final String finishedAt;
    private final List<String> changedTaskIds;
    private final List<String> newTaskIds;
    private final List<String> newLessonIds;

    SyncResult(int applied, int conflicts, int rejected, int pulled, boolean contentUpdated, long bytesReceived,
            int requests, List<SyncNotice> notices, String finishedAt, List<String> changedTaskIds,
            List<String> newTaskIds, List<String> newLessonIds) {
        this.finishedAt = finishedAt;
        this.changedTaskIds = Collections.unmodifiableList(new ArrayList<>(changedTaskIds));
        this.newTaskIds = Collections.unmodifiableList(new ArrayList<>(newTaskIds));
        this.newLessonIds = Collections.unmodifiableList(new ArrayList<>(newLessonIds));
        this.applied = applied;
        this.conflicts = conflicts;
        this.rejected = rejected;
        this.pulled = pulled;
        this.contentUpdated = contentUpdated;
        this.bytesReceived = bytesReceived;
        this.requests = requests;
        this.notices = Collections.unmodifiableList(new ArrayList<>(notices));
    }

    /**
     * Tasks someone else changed (status, note, due date or title) that this sync brought, not
     * counting the phone's own edits coming back; for a "what changed" line. Never null.
     */
    public List<String> changedTaskIds() {
        return changedTaskIds == null ? Collections.<String>emptyList() : changedTaskIds;
    }

    /** Tasks that are new on this phone after this sync (a new task, or a household that came into scope). */
    public List<String> newTaskIds() {
        return newTaskIds == null ? Collections.<String>emptyList() : newTaskIds;
    }

    /** Lessons that were not in the lessons on the phone before this sync (none on the very first). */
    public List<String> newLessonIds() {
        return newLessonIds == null ? Collections.<String>emptyList() : newLessonIds;
    }

    /** When the sync finished, as an ISO-8601 instant ({@code 2026-12-04T09:30:00Z}). */
    public String finishedAt() {
        return finishedAt;
    }

    /** Mutations the server answered for and that left the outbox: {@code applied + conflicts + rejected}. */
    public int pushed() {
        return applied + conflicts + rejected;
    }

    /** Mutations applied now or already applied by an earlier, unanswered push. */
    public int applied() {
        return applied;
    }

    /**
     * Mutations applied on a field someone else had changed since the phone's copy: this edit won,
     * the overwritten value is kept on the server as a conflict. Each has a {@link SyncNotice.Kind#CONFLICT} notice.
     */
    public int conflicts() {
        return conflicts;
    }

    /** Mutations the server refused; their local effect is rolled back. Each has a {@link SyncNotice.Kind#REJECTED} notice. */
    public int rejected() {
        return rejected;
    }

    /**
     * Items received by pull: households (changed, entered or removed from the scope), changed
     * tasks and deleted tasks.
     */
    public int pulled() {
        return pulled;
    }

    /** True when a new content pack replaced the stored one. */
    public boolean contentUpdated() {
        return contentUpdated;
    }

    /** Response bytes received over the wire during this sync. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** HTTP requests this sync made: one for an up-to-date phone with an empty outbox. */
    public int requests() {
        return requests;
    }

    /**
     * What this sync has to tell the reader about their edits — refused, conflicting, or dropped
     * because a household left the scope — in the order it happened. The same notices stay in
     * {@link Welkom#notices()} until dismissed, so none is lost when the app dies before showing them.
     */
    public List<SyncNotice> notices() {
        return notices;
    }

    @Override
    public String toString() {
        return "SyncResult{pushed=" + pushed() + ", applied=" + applied + ", conflicts=" + conflicts
                + ", rejected=" + rejected + ", pulled=" + pulled + ", contentUpdated=" + contentUpdated
                + ", bytesReceived=" + bytesReceived + ", requests=" + requests + ", notices=" + notices.size() + '}';
    }
}
