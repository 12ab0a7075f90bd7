package nl.welkom.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.SearchHit;
import nl.welkom.model.content.Topic;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The orientation lessons on this phone, in the reader's languages: topics, a lesson, offline
 * search, and the two things a reader sends back about a lesson ("was this helpful?", a question),
 * queued offline. Get it from {@link Welkom#lessons()}. Reads touch the store only.
 */
public final class Lessons {

    private final LocalStore store;
    private final Clock clock;

    Lessons(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Topics of the stored content pack, in order; empty before the first content refresh. Reads the store only. */
    public List<Topic> topics() {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        if (!pack.isPresent() || pack.get().topics() == null) {
            return Collections.emptyList();
        }
        return Collections.unmodifiableList(new ArrayList<>(pack.get().topics()));
    }

    /** A lesson of the stored content pack by id. Reads the store only. */
    public Optional<Lesson> lesson(String id) {
        for (Topic topic : topics()) {
            if (topic.lessons() == null) {
                continue;
            }
            for (Lesson lesson : topic.lessons()) {
                if (lesson.id() != null && lesson.id().equals(id)) {
                    return Optional.of(lesson);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The languages the lessons on the phone were fetched for, best first ({@code ContentPack#languages()});
     * empty before the first content refresh. When it does not start with {@link #languages()}'s first,
     * the reader chose a language offline and reads the best the phone has until the next sync. Reads the store only.
     */
    public List<String> languages() {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        return pack.isPresent() && pack.get().languages() != null
                ? Collections.unmodifiableList(new ArrayList<>(pack.get().languages())) : Collections.<String>emptyList();
    }

    /** The longest question {@link #ask} sends (the server's limit). */
    public static final int MAX_QUESTION_LENGTH = 1000;

    /**
     * Searches the stored content pack, offline (reads the store only): lessons whose text in one
     * language holds every word of {@code query} (case and accents ignored), tried along the
     * reader's languages and then Dutch, at most 20. Online, {@code GET /api/search} does the same
     * over the server's published text and also finds Dutch words in translated lessons (and logs
     * searches that find nothing for editors); this method never calls it.
     *
     * @return the hits, best language first; empty for an empty query or before the first content refresh
     */
    public List<SearchHit> search(String query) {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        if (!pack.isPresent()) {
            return Collections.emptyList();
        }
        return LocalSearch.search(pack.get(), Shelf.chain(store), query);
    }

    /**
     * "Was this lesson helpful?". Works offline: a {@code LESSON_FEEDBACK} mutation is queued in the
     * outbox and {@link Welkom#sync} sends it; the server keeps one vote per phone and lesson, the last one
     * sent. A lesson the server does not know comes back as a REJECTED {@link SyncNotice}.
     *
     * @throws IllegalArgumentException when {@code lessonId} is empty
     */
    public void rate(String lessonId, boolean helpful) {
        queue(MutationType.LESSON_FEEDBACK, Welkom.requireText(lessonId, "lessonId"), Boolean.toString(helpful));
    }

    /**
     * Asks a question, about a lesson or ({@code lessonId} null) in general. Works offline: a
     * {@code QUESTION_ASK} mutation is queued and {@link Welkom#sync} sends it; the server routes it to the
     * household's buddy when it has one, else to the municipality's officers.
     *
     * @return the question's id (the mutation id)
     * @throws IllegalArgumentException when the text is empty or longer than {@link #MAX_QUESTION_LENGTH}
     */
    public String ask(String lessonId, String text) {
        String value = Welkom.requireText(text, "text");
        if (value.length() > MAX_QUESTION_LENGTH) {
            throw new IllegalArgumentException("A question has at most " + MAX_QUESTION_LENGTH + " characters");
        }
        return queue(MutationType.QUESTION_ASK, lessonId == null ? "" : lessonId.trim(), value);
    }

    private String queue(MutationType type, String entityId, String value) {
        Mutation mutation = LocalView.newEdit(type, entityId, 0, value, clock);
        store.inTransaction(() -> store.appendToOutbox(mutation));
        return mutation.id();
    }
}
