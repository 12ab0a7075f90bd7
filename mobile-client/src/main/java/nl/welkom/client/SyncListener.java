package nl.welkom.client;

import nl.welkom.client.store.SyncNotice;

/**
 * Progress of a {@link Welkom#sync(SyncListener)}, reported on the thread that called {@code sync}.
 * Implementations must be quick (update a progress bar, post to the UI thread); an exception thrown
 * here aborts the sync after the step that already finished, which stays finished.
 */
@FunctionalInterface
public interface SyncListener {

    /** A listener that ignores progress. */
    SyncListener NONE = (phase, done, total, bytesReceived) -> { };

    /** The steps of a sync, in the order they run. */
    enum Phase {
        /** Sending the outbox; {@code done}/{@code total} count mutations. */
        PUSH,
        /** Receiving changes page by page; {@code done} counts received items, {@code total} is unknown. */
        PULL,
        /**
         * The content pack: fetched only when the pull named another version than the stored one;
         * {@code done}/{@code total} is 0/1, then 1/1 either way.
         */
        CONTENT,
        /** Everything finished; reported once, last. */
        DONE
    }

    /**
     * @param phase         the step running now
     * @param done          items finished in this step
     * @param total         items in this step, or -1 when not known in advance
     * @param bytesReceived response bytes received so far in this sync, as they came over the wire
     *                      (compressed when the server gzips), for a prepaid-data minded reader
     */
    void onProgress(Phase phase, int done, int total, long bytesReceived);

    /**
     * An edit of the reader's was refused, overwrote someone else's change, or was dropped because
     * its household left the scope; called after the store transaction that recorded it committed.
     * The same notice is in {@link SyncResult#notices()} and stays in {@link Welkom#notices()}
     * until dismissed. Does nothing by default.
     */
    default void onNotice(SyncNotice notice) {
    }
}
