package nl.welkom.client;

/**
 * What one {@link Welkom#sync(SyncListener)} did. Immutable.
 */
public final class SyncResult {
    private final int pushed;
    private final int applied;
    private final int conflicts;
    private final int rejected;
    private final int pulled;
    private final boolean contentUpdated;
    private final long bytesReceived;

    SyncResult(int pushed, int applied, int conflicts, int rejected, int pulled, boolean contentUpdated,
            long bytesReceived) {
        this.pushed = pushed;
        this.applied = applied;
        this.conflicts = conflicts;
        this.rejected = rejected;
        this.pulled = pulled;
        this.contentUpdated = contentUpdated;
        this.bytesReceived = bytesReceived;
    }

    /** Mutations the server answered for and that left the outbox: {@code applied + conflicts + rejected}. */
    public int pushed() {
        return pushed;
    }

    /** Mutations applied now or already applied by an earlier, unanswered push. */
    public int applied() {
        return applied;
    }

    /** Mutations applied on a record that had changed on the server since the phone's copy. */
    public int conflicts() {
        return conflicts;
    }

    /** Mutations the server refused; their local effect is rolled back. */
    public int rejected() {
        return rejected;
    }

    /** Items received by pull: changed tasks, deleted tasks, and the household when it changed. */
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

    @Override
    public String toString() {
        return "SyncResult{pushed=" + pushed + ", applied=" + applied + ", conflicts=" + conflicts
                + ", rejected=" + rejected + ", pulled=" + pulled + ", contentUpdated=" + contentUpdated
                + ", bytesReceived=" + bytesReceived + '}';
    }
}
