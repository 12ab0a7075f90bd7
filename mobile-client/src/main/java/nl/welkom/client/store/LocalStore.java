package nl.welkom.client.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.Mutation;

/**
 * Everything the phone keeps between runs: the only source screens read from.
 *
 * <p>Tasks are kept as the server last sent them ("server copies"); edits made offline live in the
 * outbox until the server confirms them, and {@code Welkom} shows each task as its server copy with
 * the pending outbox edits replayed on top — like local commits on top of {@code origin/main}. A
 * refused edit therefore rolls back by itself when it leaves the outbox.
 *
 * <p>Contract for every implementation (checked by {@code LocalStoreContractTest}):
 * <ul>
 *   <li>Thread-safe. Reads return snapshots that later writes do not change.</li>
 *   <li>Each write method is atomic on its own; {@link #inTransaction(Runnable)} makes a group of
 *       writes atomic and durable together (a pulled page and its cursor, a push answer and the
 *       outbox). While one thread is inside a transaction, other threads' reads and writes wait.</li>
 *   <li>Empty values are empty, never null: no session is {@code Optional.empty()}, no language
 *       chain is an empty list, a store that never synced has cursor 0.</li>
 *   <li>Failures surface as the unchecked {@link LocalStoreException}.</li>
 * </ul>
 *
 * <p>On Android an app implements this over {@code android.database.sqlite} (or Room) with the same
 * schema as {@code SqliteLocalStore}; the session token belongs in encrypted storage there.
 */
public interface LocalStore {

    /** The session of the activated phone, with its bearer token. */
    Optional<Session> session();

    /** Replaces the session. */
    void saveSession(Session session);

    /** The reader's language codes, best first; empty when never chosen. */
    List<String> languageChain();

    /** Replaces the language chain. */
    void saveLanguageChain(List<String> chain);

    /** The last stored content pack, whatever language chain it was fetched for. */
    Optional<ContentPack> contentPack();

    /**
     * The validator ({@code ETag}) of the stored pack if that pack was fetched for exactly
     * {@code requestedChain}; otherwise empty, so a pack in other languages is never revalidated.
     */
    Optional<String> contentPackEtag(List<String> requestedChain);

    /**
     * The {@link ContentPack#version() version} of the stored pack if that pack was fetched for
     * exactly {@code requestedChain}; otherwise empty. A pull's {@code contentVersion} is compared
     * with it to skip the content request.
     */
    Optional<String> contentPackVersion(List<String> requestedChain);

    /**
     * Replaces the stored pack (one pack is kept: a cheap phone has little space).
     *
     * @param requestedChain the language chain the pack was requested with
     * @param etag           the validator the server sent with it, or null
     */
    void saveContentPack(List<String> requestedChain, String etag, ContentPack pack);

    /** The last stored course, whatever language chain it was fetched for. */
    Optional<Course> course();

    /** The validator of the stored course if it was fetched for exactly {@code requestedChain}; otherwise empty. */
    Optional<String> courseEtag(List<String> requestedChain);

    /** Replaces the stored course (one is kept). */
    void saveCourse(List<String> requestedChain, String etag, Course course);

    /** The last stored phrasebook, whatever language chain it was fetched for. */
    Optional<Phrasebook> phrasebook();

    /** The validator of the stored phrasebook if it was fetched for exactly {@code requestedChain}; otherwise empty. */
    Optional<String> phrasebookEtag(List<String> requestedChain);

    /** Replaces the stored phrasebook (one is kept). */
    void savePhrasebook(List<String> requestedChain, String etag, Phrasebook phrasebook);

    /** The last stored places of the caller's municipality, whatever language chain they were fetched for. */
    Optional<Places> places();

    /** The validator of the stored places if they were fetched for exactly {@code requestedChain}; otherwise empty. */
    Optional<String> placesEtag(List<String> requestedChain);

    /** Replaces the stored places (one list is kept). */
    void savePlaces(List<String> requestedChain, String etag, Places places);

    /**
     * The pull's {@code contentVersion} after which content, course, phrasebook and places were last all
     * refreshed for exactly {@code requestedChain}; otherwise empty (docs/sync.md, step 3).
     */
    Optional<String> readingVersion(List<String> requestedChain);

    /** Records the {@code contentVersion} that content, course, phrasebook and places are now current with. */
    void saveReadingVersion(List<String> requestedChain, String version);

    /** Course progress as the server last sent it, one entry per household, ordered by household id. */
    List<CourseProgress> courseProgress();

    /** Inserts or replaces the progress of households, by household id. */
    void saveCourseProgress(Collection<CourseProgress> progress);

    /**
     * Households in the phone's scope as last pulled, ordered by id: one for a newcomer's device,
     * one per active match for a buddy's phone.
     */
    List<Household> households();

    /** One household by id. */
    Optional<Household> household(String id);

    /** Inserts or replaces households by id. */
    void saveHouseholds(Collection<Household> households);

    /**
     * Forgets households that left the phone's scope: each household, every task with that
     * {@code householdId}, and the outbox entries for those tasks, atomically. Unknown ids are
     * ignored.
     *
     * @return the outbox entries removed, oldest first, so the caller can tell the reader
     */
    List<Mutation> removeHouseholds(Collection<String> ids);

    /** Server copies of all tasks of all households, ordered by id. */
    List<Task> tasks();

    /** The server copy of one task. */
    Optional<Task> task(String id);

    /** Inserts or replaces tasks by id. */
    void saveTasks(Collection<Task> tasks);

    /** Deletes tasks by id; unknown ids are ignored. */
    void deleteTasks(Collection<String> ids);

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

    /**
     * Notices about edits that left the outbox without being applied as the reader made them,
     * oldest first (see {@link SyncNotice}).
     */
    List<SyncNotice> notices();

    /** Appends a notice; a notice whose id (mutation id) is already kept is ignored. */
    void addNotice(SyncNotice notice);

    /** Removes notices by id (mutation id); unknown ids are ignored. */
    void removeNotices(Collection<String> ids);

    /**
     * Forgets everything synced: households, tasks, course progress, outbox, notices, the sync cursor,
     * the places (they are the municipality's of the caller) and the reading version (so the next
     * sync revalidates the reading documents and fetches the new caller's places). Used when
     * the phone is activated for another household or signed in for another person. Session,
     * languages and content stay.
     */
    void clearSyncedData();

    /**
     * Forgets everything personal: the session and everything {@link #clearSyncedData()} forgets.
     * Used when the server reports the device revoked (a lost phone). The language chain and the
     * content pack stay: they are public orientation content, costly to fetch again on prepaid data.
     */
    void wipe();

    /**
     * Runs {@code work} so that all its writes become visible and durable together, or not at all:
     * when {@code work} throws, its writes are undone and the exception propagates unchanged. Reads
     * inside see the writes made so far. A nested call is atomic on its own (a savepoint): if it
     * throws and the outer work catches the exception, the outer writes still commit.
     */
    void inTransaction(Runnable work);
}
