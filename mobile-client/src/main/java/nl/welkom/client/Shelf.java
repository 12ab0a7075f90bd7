package nl.welkom.client;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.client.store.StoredRecord;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.auth.Session;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;

/**
 * The typed views over the feature-agnostic {@link LocalStore}: which kind each feature keeps, and
 * how its wire type goes in and out (Gson, as on the wire). A new feature adds a line here, not a
 * method to the store.
 *
 * <p>A body that does not parse (a file damaged on disk, a store written by a broken build) reads
 * as absent: the screen says "not on this phone yet", and the next time the reading documents are
 * fetched (a new content version, another language) it is asked for without its ETag, so a 304
 * cannot keep it. A sync with nothing new does not parse the pack to find out: that would cost
 * every sync a parse of the largest document for a damage that SQLite's atomic writes make rare.
 */
final class Shelf {
    private Shelf() {
    }

    static final Doc<Session> SESSION = new Doc<>("session", Session.class);
    static final Doc<List<String>> LANGUAGES = new Doc<>("languages", new TypeToken<List<String>>() { }.getType());
    static final Doc<ContentPack> CONTENT = new Doc<>("content", ContentPack.class, ContentPack::version);
    static final Doc<Course> COURSE = new Doc<>("course", Course.class);
    static final Doc<Phrasebook> PHRASEBOOK = new Doc<>("phrasebook", Phrasebook.class);
    static final Doc<Places> PLACES = new Doc<>("places", Places.class);
    /** The pull's {@code contentVersion} that every reading document is current with (docs/sync.md, step 3). */
    static final Doc<String> READING_VERSION = new Doc<>("reading-version", String.class, v -> v);

    /**
     * What an older build kept of a family friend's questions; questions now arrive as messages. Only
     * its kind is left, so that signing out still forgets a store written before.
     */
    static final String RETIRED_QUESTIONS = "questions";

    /** The phone household's live announcements as the pull brought them (about the caller: forgotten with them). */
    static final Doc<List<Announcement>> ANNOUNCEMENTS = new Doc<>("announcements",
            new TypeToken<List<Announcement>>() { }.getType());
    /** The ids of the stored announcements already shown on this phone. */
    static final Doc<List<String>> ANNOUNCEMENTS_SHOWN = new Doc<>("announcements-shown",
            new TypeToken<List<String>>() { }.getType());

    /** What the last finished sync did and when. */
    static final Doc<SyncResult> LAST_SYNC = new Doc<>("last-sync", SyncResult.class);

    static final Rec<Household> HOUSEHOLDS = new Rec<>("household", Household.class, Household::id, Household::id);
    static final Rec<Task> TASKS = new Rec<>("task", Task.class, Task::id, Task::householdId);
    static final Rec<CourseProgress> COURSE_PROGRESS = new Rec<>("course-progress", CourseProgress.class,
            CourseProgress::householdId, CourseProgress::householdId);

    /** The households' appointments as the server last sent them (past ones stay until their household goes). */
    static final Rec<Appointment> APPOINTMENTS = new Rec<>("appointment", Appointment.class, Appointment::id,
            Appointment::householdId);
    /** Per appointment: the sequence the reader last saw and the reminders they dismissed. */
    static final Rec<AppointmentSeen> APPOINTMENTS_SEEN = new Rec<>("appointment-seen", AppointmentSeen.class,
            AppointmentSeen::id, AppointmentSeen::householdId);
    /** The households' conversations as the server last sent them. */
    static final Rec<Message> MESSAGES = new Rec<>("message", Message.class, Message::id, Message::householdId);
    /** Per household: the newest message of the other side this phone marked read. */
    static final Rec<MessageRead> MESSAGES_READ = new Rec<>("message-read", MessageRead.class, MessageRead::householdId,
            MessageRead::householdId);

    /** A family friend's meetings with their households as the server last sent them. */
    static final Rec<Meeting> MEETINGS = new Rec<>("meeting", Meeting.class, Meeting::id, Meeting::householdId);
    /** Per household on a family friend's phone: the day it first arrived (the quiet count without a meeting). */
    static final Rec<HouseholdArrival> ARRIVALS = new Rec<>("household-arrival", HouseholdArrival.class,
            HouseholdArrival::householdId, HouseholdArrival::householdId);

    /** Documents about the person using the phone: forgotten when it changes hands (with every record). */
    static final List<String> ABOUT_THE_CALLER = Collections.unmodifiableList(
            Arrays.asList(PLACES.kind, READING_VERSION.kind, LAST_SYNC.kind, RETIRED_QUESTIONS,
                    ANNOUNCEMENTS.kind, ANNOUNCEMENTS_SHOWN.kind));
    /** What a revoked phone forgets: the above and the session. Languages and public content stay. */
    static final List<String> PERSONAL = withSession(ABOUT_THE_CALLER);

    private static List<String> withSession(List<String> kinds) {
        List<String> all = new ArrayList<>(kinds);
        all.add(0, SESSION.kind);
        return Collections.unmodifiableList(all);
    }

    /** The reader's language chain, best first; empty when never chosen. */
    static List<String> chain(LocalStore store) {
        return LANGUAGES.get(store).orElse(Collections.<String>emptyList());
    }

    /** The variant a chain-dependent document is stored under: the chain, comma-separated. */
    static String variant(List<String> chain) {
        return String.join(",", chain);
    }

    /** A document kind the phone keeps one of, with its wire type. */
    static final class Doc<T> {
        final String kind;
        private final Type type;
        private final Function<T, String> versionOf;

        private Doc(String kind, Type type) {
            this(kind, type, null);
        }

        private Doc(String kind, Type type, Function<T, String> versionOf) {
            this.kind = kind;
            this.type = type;
            this.versionOf = versionOf;
        }

        /** The stored value, whatever variant; empty when absent or unreadable. */
        Optional<T> get(LocalStore store) {
            Optional<StoredDocument> raw = store.document(kind, "");
            return raw.isPresent() ? parse(raw.get().body(), type) : Optional.<T>empty();
        }

        /**
         * The ETag of the stored value when it was fetched for exactly {@code chain}. Read beside the
         * body, never parsing it (a pack is large); see {@link #usableEtag} for revalidation.
         */
        Optional<String> etag(LocalStore store, List<String> chain) {
            Optional<StoredDocument> d = ofVariant(store, chain);
            return d.isPresent() ? Optional.ofNullable(d.get().etag()) : Optional.<String>empty();
        }

        /** The version of the stored value when it was fetched for exactly {@code chain}; the body is not parsed. */
        Optional<String> version(LocalStore store, List<String> chain) {
            Optional<StoredDocument> d = ofVariant(store, chain);
            return d.isPresent() ? Optional.ofNullable(d.get().version()) : Optional.<String>empty();
        }

        /** The ETag to revalidate with: none when the stored body no longer parses (a 304 must not keep it). */
        Optional<String> usableEtag(LocalStore store, List<String> chain) {
            return get(store).isPresent() ? etag(store, chain) : Optional.<String>empty();
        }

        private Optional<StoredDocument> ofVariant(LocalStore store, List<String> chain) {
            Optional<StoredDocument> d = store.document(kind, "");
            return d.isPresent() && variant(chain).equals(d.get().variant()) ? d : Optional.<StoredDocument>empty();
        }

        void put(LocalStore store, T value) {
            store.putDocument(StoredDocument.of(kind, Api.GSON.toJson(value, type)));
        }

        /** Stores the value fetched for {@code chain}, with its ETag (or null). */
        void put(LocalStore store, List<String> chain, String etag, T value) {
            String version = versionOf == null ? null : versionOf.apply(value);
            store.putDocument(new StoredDocument(kind, "", variant(chain), etag, version, Api.GSON.toJson(value, type)));
        }
    }

    /** A record kind with its wire type, its id and the household each record names. */
    static final class Rec<T> {
        final String kind;
        private final Class<T> type;
        private final Function<T, String> id;
        private final Function<T, String> household;

        private Rec(String kind, Class<T> type, Function<T, String> id, Function<T, String> household) {
            this.kind = kind;
            this.type = type;
            this.id = id;
            this.household = household;
        }

        /** Every readable record of the kind, ordered by id. */
        List<T> all(LocalStore store) {
            List<T> values = new ArrayList<>();
            for (StoredRecord r : store.records(kind)) {
                Optional<T> value = parse(r.body(), type);
                if (value.isPresent()) {
                    values.add(value.get());
                }
            }
            return Collections.unmodifiableList(values);
        }

        Optional<T> get(LocalStore store, String recordId) {
            Optional<StoredRecord> r = store.record(kind, recordId);
            return r.isPresent() ? parse(r.get().body(), type) : Optional.<T>empty();
        }

        void put(LocalStore store, Collection<T> values) {
            List<StoredRecord> records = new ArrayList<>();
            for (T value : values) {
                records.add(new StoredRecord(kind, id.apply(value), household.apply(value), Api.GSON.toJson(value)));
            }
            store.putRecords(records);
        }

        void delete(LocalStore store, Collection<String> ids) {
            store.deleteRecords(kind, ids);
        }
    }

    private static <T> Optional<T> parse(String json, Type type) {
        try {
            T value = Api.GSON.fromJson(json, type);
            return Optional.ofNullable(value);
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
