package nl.welkom.client.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.welkom.model.sync.Mutation;

/**
 * Everything the phone keeps between runs: the only source screens read from. The store knows
 * kinds and keys, not features: a new feature is a new kind of {@link StoredDocument} or
 * {@link StoredRecord} in a typed view of the library, never a new method here.
 *
 * <ul>
 *   <li><b>Documents</b> — values kept whole and replaced whole (the content pack, the course, the
 *       phrasebook, the places, the session, the reader's languages), by kind and key, with the
 *       variant they were fetched for, their ETag and their version.</li>
 *   <li><b>Records</b> — synced items by kind and id, each naming its household (households,
 *       tasks, course progress), as the server last sent them ("server copies").</li>
 *   <li><b>The outbox</b> — edits made on the phone that the server has not confirmed yet, in the
 *       order they were made. The library shows each record as its server copy with the pending
 *       edits replayed on top — like local commits on top of {@code origin/main} — so a refused
 *       edit rolls back by itself when it leaves the outbox.</li>
 *   <li><b>The cursor</b> — how far the phone has pulled, and <b>notices</b> — edits the reader
 *       must hear about ({@link SyncNotice}).</li>
 * </ul>
 *
 * <p>Contract for every implementation (checked by {@code LocalStoreContractTest}):
 * <ul>
 *   <li>Thread-safe. Reads return snapshots that later writes do not change.</li>
 *   <li>Each write method is atomic on its own; {@link #inTransaction(Runnable)} makes a group of
 *       writes atomic and durable together (a pulled page and its cursor, a push answer and the
 *       outbox). While one thread is inside a transaction, other threads' reads and writes wait.</li>
 *   <li>Empty values are empty, never null: a missing document is {@code Optional.empty()}, no
 *       records is an empty list, a store that never synced has cursor 0. Lists are ordered: records
 *       by id, the outbox and notices oldest first.</li>
 *   <li>Bodies are kept byte for byte; the store never parses them.</li>
 *   <li>Failures surface as the unchecked {@link LocalStoreException}.</li>
 * </ul>
 *
 * <p>On Android, {@code nl.welkom.client.android.AndroidLocalStore} (module {@code mobile-client/android})
 * implements this over {@code android.database.sqlite} with the same tables as {@code SqliteLocalStore};
 * the session document holds the device token and is sealed there with a key in the Android Keystore.
 */
public interface LocalStore {

    /** The document of this kind and key, if kept. */
    Optional<StoredDocument> document(String kind, String key);

    /** Inserts or replaces the document with the same kind and key. */
    void putDocument(StoredDocument document);

    /** Deletes the document of this kind and key; nothing happens when there is none. */
    void deleteDocument(String kind, String key);

    /** All records of a kind, ordered by id. */
    List<StoredRecord> records(String kind);

    /** One record by kind and id. */
    Optional<StoredRecord> record(String kind, String id);

    /** Inserts or replaces records by kind and id. */
    void putRecords(Collection<StoredRecord> records);

    /** Deletes records of a kind by id; unknown ids are ignored. */
    void deleteRecords(String kind, Collection<String> ids);

    /**
     * Forgets households that left the phone's scope, atomically: every record that names one of
     * them (of any kind) and every outbox entry whose entity is one of those records. Unknown ids
     * are ignored.
     *
     * @return the outbox entries removed, oldest first, so the caller can tell the reader
     */
    List<Mutation> removeHouseholds(Collection<String> householdIds);

    /** Edits not yet confirmed by the server, oldest first (the order they were appended). */
    List<Mutation> outbox();

    /** Appends an edit to the outbox; a mutation id already in the outbox is ignored. */
    void appendToOutbox(Mutation mutation);

    /** Removes mutations from the outbox by id; unknown ids are ignored. */
    void removeFromOutbox(Collection<String> mutationIds);

    /** The server sequence the phone has pulled up to; 0 before the first pull. */
    long syncCursor();

    /** Replaces the sync cursor. */
    void saveSyncCursor(long cursor);

    /** Notices about edits that left the outbox without being applied as the reader made them, oldest first. */
    List<SyncNotice> notices();

    /** Appends a notice; a notice whose id (mutation id) is already kept is ignored. */
    void addNotice(SyncNotice notice);

    /** Removes notices by id (mutation id); unknown ids are ignored. */
    void removeNotices(Collection<String> ids);

    /**
     * Forgets everything synced about people, atomically: every record, the outbox, the notices and
     * the cursor, and the documents of the given kinds (all keys). Other documents stay. Used when
     * the phone changes hands and when the server reports it revoked.
     */
    void forget(Collection<String> documentKinds);

    /**
     * Runs {@code work} so that all its writes become visible and durable together, or not at all:
     * when {@code work} throws, its writes are undone and the exception propagates unchanged. Reads
     * inside see the writes made so far. A nested call is atomic on its own (a savepoint): if it
     * throws and the outer work catches the exception, the outer writes still commit.
     */
    void inTransaction(Runnable work);
}
