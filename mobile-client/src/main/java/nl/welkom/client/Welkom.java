package nl.welkom.client;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Welkom client: the one entry point of this library. Offline first: every read comes from the
 * {@link LocalStore} and never touches the network; network operations ({@link #activate},
 * {@link #refreshContent}, {@link #sync}) write what they receive into the store and throw a
 * {@link WelkomException} when they cannot.
 *
 * <p>Build one per store and keep it (it is thread-safe):
 * <pre>{@code
 * Welkom welkom = Welkom.builder()
 *         .baseUrl("https://welkom.example")
 *         .store(store)
 *         .build();
 * }</pre>
 *
 * <p>Who uses it: a newcomer household's phone ({@link #activate}: one household) or a family
 * friend's phone ({@link #login}: the households of the buddy's active matches). Both hold only
 * what the server says is in their scope, and both edit tasks offline.
 *
 * <p>Failures: {@link WelkomOfflineException} when the server cannot be reached,
 * {@link WelkomApiException} when it answers with a problem (see
 * {@link WelkomApiException#isUnauthorized()} for an expired or refused token, and
 * {@link WelkomApiException#isDeviceRevoked()} for a phone an officer disconnected — the library
 * has then wiped the store), {@link LocalStoreException} (unchecked) when the store fails,
 * {@link IllegalArgumentException} for arguments that can never succeed.
 *
 * <p>Edits the server did not take as the reader made them are never dropped silently: each
 * becomes a {@link SyncNotice} ({@link #notices()}) until the app has shown it.
 */
public final class Welkom {

    /** Fallback when the content pack does not list a language: right-to-left scripts we expect. */
    private static final Set<String> RTL_LANGUAGES =
            new HashSet<>(Arrays.asList("ar", "fa", "prs", "ps", "ur", "he", "ckb"));
    /** A BCP-47-like code; also guarantees the code is safe in a URL and a header unescaped. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    /** Longest task note the server accepts (docs/sync.md, TASK_SET_NOTE), in characters (Unicode code points). */
    public static final int MAX_NOTE_LENGTH = 500;

    private final LocalStore store;
    private final Clock clock;
    private final Api api;
    private final SyncEngine engine;

    private Welkom(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        OkHttpClient base = builder.okHttpClient != null ? builder.okHttpClient : defaultClient();
        // newBuilder() shares the caller's connection pool and dispatcher; the interceptors apply to
        // Welkom's own requests only.
        OkHttpClient client = base.newBuilder()
                .addInterceptor(new AuthInterceptor(store))
                .addInterceptor(new AcceptLanguageInterceptor(store))
                .addNetworkInterceptor(ByteCounter.INTERCEPTOR)
                .build();
        this.api = new Api(client, builder.baseUrl);
        this.engine = new SyncEngine(api, store, builder.pullLimit, builder.clock);
    }

    /** Timeouts for slow mobile links: connecting may take a while, so may a content pack on 2G. */
    private static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(20, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- network operations ---------------------------------------------------------------

    /**
     * Redeems an activation code ({@code POST /api/activation}) and stores the session it returns
     * (token, household id, municipality name…). When the phone was activated before for another
     * household, that household's data, tasks, outbox and cursor are forgotten in the same
     * transaction; for the same household they are kept (a re-activated phone still pushes its
     * outbox). Follow with {@link #sync} to fetch the household and its tasks.
     *
     * <p>Offline: fails with {@link WelkomOfflineException}; nothing is stored. An unknown, used or
     * expired code is a {@link WelkomApiException} with status 400 and the server's problem.
     *
     * @param code       the code as printed; surrounding spaces are ignored (case and dashes too, by the server)
     * @param deviceName a label the household recognises in the officer's device list
     * @return the stored session
     */
    public Session activate(String code, String deviceName) throws WelkomException {
        String c = requireText(code, "code");
        String name = requireText(deviceName, "deviceName");
        Session session = api.activate(new ActivationRequest(c, name));
        if (session.token() == null || session.token().trim().isEmpty()) {
            throw Api.unexpected("The activation answer has no token");
        }
        keep(session);
        return session;
    }

    /**
     * Signs a family friend (buddy) in with a password ({@code POST /api/auth/login}) and stores
     * the session. The phone then holds the households of the buddy's active matches, with the
     * minimal fields the server gives buddies; {@link #sync} fetches them. When the phone was used
     * by someone else before (another household's device, another account), that data, outbox and
     * cursor are forgotten in the same transaction; for the same person they are kept.
     *
     * <p>Offline: {@link WelkomOfflineException}; nothing is stored. A wrong user name or password
     * is a {@link WelkomApiException} with status 401 (and {@link WelkomApiException#isDeviceRevoked()}
     * false). An account of another role (officer, editor) is refused with status 403 before
     * anything is stored: officers work online in the dashboard and do not sync.
     *
     * @return the stored session
     */
    public Session login(String username, String password) throws WelkomException {
        String user = requireText(username, "username");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
        Session session = api.login(new LoginRequest(user, password));
        if (session.token() == null || session.token().trim().isEmpty()) {
            throw Api.unexpected("The login answer has no token");
        }
        if (session.role() != Role.BUDDY) {
            throw new WelkomApiException(403, new Problem("about:blank", "This account cannot use the app", 403,
                    "Only family friends sign in here; households activate their phone with a code."), null);
        }
        keep(session);
        return session;
    }

    /** Stores a new session, forgetting what belonged to someone else. */
    private void keep(Session session) {
        store.inTransaction(() -> {
            Optional<Session> previous = Shelf.SESSION.get(store);
            if (previous.isPresent() && !samePerson(previous.get(), session)) {
                store.forget(Shelf.ABOUT_THE_CALLER);
            }
            Shelf.SESSION.put(store, session);
        });
    }

    /**
     * Whether two sessions are the same holder of data: a household's devices by household, anyone
     * else by role, municipality and display name (a session carries no user id).
     */
    private static boolean samePerson(Session a, Session b) {
        if (a.householdId() != null || b.householdId() != null) {
            return Objects.equals(a.householdId(), b.householdId());
        }
        return a.role() == b.role() && Objects.equals(a.municipalityId(), b.municipalityId())
                && Objects.equals(a.displayName(), b.displayName());
    }

    /**
     * Fetches the content pack for the language chain ({@code GET /api/content?lang=…}), sending the
     * stored pack's ETag as {@code If-None-Match} when it was fetched for the same chain. A
     * {@code 304} keeps the stored pack; a {@code 200} replaces it in one transaction. Needs no
     * activation.
     *
     * <p>Offline: {@link WelkomOfflineException}; the stored pack stays and {@link #topics()} keeps
     * working.
     *
     * @return true when a new pack was stored, false when the stored one is current
     */
    public boolean refreshContent() throws WelkomException {
        try {
            return engine.refreshContent(new ByteCounter());
        } catch (WelkomApiException e) {
            throw wipedIfRevoked(e);
        }
    }

    /**
     * Brings the phone and the server level (docs/sync.md): pushes the outbox when it is not empty
     * ({@code POST /api/sync/push}), pulls changes page by page
     * ({@code GET /api/sync/pull?after=<cursor>&limit=<n>&lang=<chain>}) until none are left, then
     * fetches the content pack only if the pull named another version than the stored one. An
     * up-to-date phone with an empty outbox makes exactly one request. A mutation leaves the outbox
     * only when the server returned a result for it; each pulled page and its cursor are applied in
     * one transaction; households that left the scope are deleted with their tasks and outbox
     * entries. Blocking: call it from a background thread (WorkManager on a phone).
     *
     * <p>Edits the server refused or that overwrote someone else's change, and edits dropped with a
     * household that left the scope, are reported in {@link SyncResult#notices()}, to
     * {@link SyncListener#onNotice}, and kept in {@link #notices()}.
     *
     * <p>Concurrency: never runs twice at once. A call while another sync is running fails fast
     * with {@link IllegalStateException}, without touching the network or the store.
     *
     * <p>Offline (or a connection that breaks midway): {@link WelkomOfflineException}. Steps that
     * finished stay finished; unanswered mutations stay in the outbox and the cursor stays at the
     * last applied page, so the next sync continues. An expired token is a
     * {@link WelkomApiException} whose {@link WelkomApiException#isUnauthorized()} is true and the
     * store is kept; a revoked device ({@link WelkomApiException#isDeviceRevoked()}) finds its
     * store wiped.
     *
     * @param listener progress callback on the calling thread; {@link SyncListener#NONE} to ignore
     * @throws IllegalStateException when the phone is not activated or signed in, or a sync is already running
     */
    public SyncResult sync(SyncListener listener) throws WelkomException {
        Objects.requireNonNull(listener, "listener");
        if (!Shelf.SESSION.get(store).isPresent()) {
            throw new IllegalStateException("This phone is not activated");
        }
        try {
            return engine.sync(listener);
        } catch (WelkomApiException e) {
            throw wipedIfRevoked(e);
        }
    }

    /**
     * A revoked device forgets everything personal — but only if the refused token is still the
     * stored one: a new activation that happened meanwhile is not undone by an old request's answer.
     */
    private WelkomApiException wipedIfRevoked(WelkomApiException e) {
        if (e.isDeviceRevoked() && e.refusedToken != null) {
            store.inTransaction(() -> {
                Optional<Session> current = Shelf.SESSION.get(store);
                if (current.isPresent() && e.refusedToken.equals(current.get().token())) {
                    store.forget(Shelf.PERSONAL);
                }
            });
        }
        return e;
    }

    // ---- language -------------------------------------------------------------------------

    /**
     * Stores the reader's language chain, best first ({@code ar}, {@code en}); duplicates are
     * dropped. Takes effect for the next {@link #refreshContent()}, and at once for task titles
     * and the {@code Accept-Language} header. Works offline. An empty chain means the server's
     * default (Dutch).
     *
     * @throws IllegalArgumentException for a code that is not a language tag
     */
    public void setLanguages(List<String> chain) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : Objects.requireNonNull(chain, "chain")) {
            String c = code == null ? "" : code.trim();
            if (!LANGUAGE_CODE.matcher(c).matches()) {
                throw new IllegalArgumentException("Not a language code: " + code);
            }
            codes.add(c);
        }
        Shelf.LANGUAGES.put(store, Collections.unmodifiableList(new ArrayList<>(codes)));
    }

    /** The stored language chain, best first; empty when never chosen. Reads the store only. */
    public List<String> languages() {
        return Shelf.chain(store);
    }

    /**
     * Languages in the stored content pack's directory, with native names and direction; empty
     * before the first content refresh. Reads the store only.
     */
    public List<Language> availableLanguages() {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        if (!pack.isPresent() || pack.get().directory() == null) {
            return Collections.emptyList();
        }
        return Collections.unmodifiableList(new ArrayList<>(pack.get().directory()));
    }

    /**
     * Writing direction of a language: from the content pack's language directory (exact code, then
     * its primary subtag), else right-to-left for ar, fa, prs, ps, ur, he and ckb. Reads the store only.
     */
    public TextDirection direction(String languageCode) {
        String code = Objects.requireNonNull(languageCode, "languageCode").trim();
        String primary = primarySubtag(code);
        TextDirection byPrimary = null;
        for (Language language : availableLanguages()) {
            if (language.code() == null || language.direction() == null) {
                continue;
            }
            if (language.code().equalsIgnoreCase(code)) {
                return language.direction();
            }
            if (byPrimary == null && primarySubtag(language.code()).equals(primary)) {
                byPrimary = language.direction();
            }
        }
        if (byPrimary != null) {
            return byPrimary;
        }
        return RTL_LANGUAGES.contains(primary) ? TextDirection.RTL : TextDirection.LTR;
    }

    private static String primarySubtag(String code) {
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    // ---- local reads ----------------------------------------------------------------------

    /** The stored session; empty before activation. Reads the store only. */
    public Optional<Session> session() {
        return Shelf.SESSION.get(store);
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
     * A newcomer device's own household (the session's) as last pulled; empty before the first
     * sync, and on a buddy's phone (see {@link #households()}). Reads the store only.
     */
    public Optional<Household> household() {
        Optional<Session> session = Shelf.SESSION.get(store);
        if (!session.isPresent() || session.get().householdId() == null) {
            return Optional.empty();
        }
        return Shelf.HOUSEHOLDS.get(store, session.get().householdId());
    }

    /**
     * Every household this phone holds, ordered by id: the own one on a newcomer's device, the
     * matched ones on a buddy's phone. Reads the store only.
     */
    public List<Household> households() {
        return Shelf.HOUSEHOLDS.all(store);
    }

    /**
     * All tasks on this phone as the reader should see them: the server's copy with the edits still
     * waiting in the outbox applied on top, ordered by journey stage, then due date (none last).
     * Reads the store only.
     */
    public List<Task> tasks() {
        return LocalView.tasks(Shelf.TASKS.all(store), store.outbox());
    }

    /** The tasks of one household, like {@link #tasks()}. Reads the store only. */
    public List<Task> tasks(String householdId) {
        Objects.requireNonNull(householdId, "householdId");
        List<Task> mine = new ArrayList<>();
        for (Task t : tasks()) {
            if (householdId.equals(t.householdId())) {
                mine.add(t);
            }
        }
        return Collections.unmodifiableList(mine);
    }

    /**
     * What the last finished sync did and when ({@link SyncResult#finishedAt()}), kept across restarts
     * for a "since the last sync" line; empty before the first. Reads the store only.
     */
    public Optional<SyncResult> lastSync() {
        return Shelf.LAST_SYNC.get(store);
    }

    /**
     * The languages the lessons on the phone were fetched for, best first ({@code ContentPack#languages()});
     * empty before the first content refresh. When it does not start with {@link #languages()}'s first,
     * the reader chose a language offline and reads the best the phone has until the next sync. Reads the store only.
     */
    public List<String> contentLanguages() {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        return pack.isPresent() && pack.get().languages() != null
                ? Collections.unmodifiableList(new ArrayList<>(pack.get().languages())) : Collections.<String>emptyList();
    }

    /** Number of edits waiting to be sent. Reads the store only. */
    public int pendingChanges() {
        return store.outbox().size();
    }

    /** Ids of tasks with an edit waiting to be sent (for a "waiting to sync" mark). Reads the store only. */
    public Set<String> pendingTaskIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Mutation m : store.outbox()) {
            ids.add(m.entityId());
        }
        return Collections.unmodifiableSet(ids);
    }

    /**
     * What the reader still has to be told about their edits, oldest first: refused, applied over
     * someone else's change, or dropped with a household that left the scope. Kept until
     * {@link #dismissNotices}. Reads the store only.
     */
    public List<SyncNotice> notices() {
        return store.notices();
    }

    /** Forgets notices the reader has seen, by {@link SyncNotice#id()}; unknown ids are ignored. Works offline. */
    public void dismissNotices(Collection<String> ids) {
        store.removeNotices(new ArrayList<>(Objects.requireNonNull(ids, "ids")));
    }

    // ---- offline edits --------------------------------------------------------------------

    /**
     * Marks a task done. Works fully offline: the task shows as done at once and a
     * {@code TASK_COMPLETE} mutation (new client UUID, base version = the task's server version,
     * createdAt = now) is appended to the outbox in the same transaction; {@link #sync} sends it.
     * A task that already shows as done is returned unchanged and nothing is queued.
     *
     * <p>Toggling a task twice before a sync queues both mutations, in order; they are never
     * coalesced, because a mutation may already have reached the server in a push whose answer was
     * lost, and cancelling it locally would leave phone and server disagreeing for good.
     *
     * @return the task as it now shows
     * @throws IllegalArgumentException when no task with that id is on this phone
     */
    public Task completeTask(String taskId) {
        return edit(taskId, MutationType.TASK_COMPLETE, TaskStatus.DONE);
    }

    /**
     * Marks a done task open again; otherwise exactly like {@link #completeTask(String)} (offline,
     * queued as {@code TASK_REOPEN}, a task that already shows as open is returned unchanged).
     *
     * @throws IllegalArgumentException when no task with that id is on this phone
     */
    public Task reopenTask(String taskId) {
        return edit(taskId, MutationType.TASK_REOPEN, TaskStatus.OPEN);
    }

    /**
     * Sets the household's own note on a task ("appointment Tuesday 10:00"); an empty note clears
     * it. Works fully offline, like {@link #completeTask(String)}: the note shows at once and a
     * {@code TASK_SET_NOTE} mutation carrying the note is queued. A note equal to the one shown
     * queues nothing. When someone else changed the note meanwhile, the edit that reaches the
     * server last wins and the overwritten note is kept on the server as a conflict
     * ({@link SyncNotice.Kind#CONFLICT}). The server has the last word on what a note may hold
     * (it refuses control characters other than line breaks and tabs); a refused note comes back
     * as a {@link SyncNotice.Kind#REJECTED} notice and the old note shows again.
     *
     * @param note the note, at most {@link #MAX_NOTE_LENGTH} characters; null, empty or blank clears it
     * @return the task as it now shows
     * @throws IllegalArgumentException when no task with that id is on this phone, or the note is too long
     */
    public Task setTaskNote(String taskId, String note) {
        String value = note == null ? "" : note;
        if (value.codePointCount(0, value.length()) > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("A note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        return edit(taskId, MutationType.TASK_SET_NOTE, value,
                shown -> Objects.equals(shown.note(), LocalView.note(value)));
    }

    /** The longest question {@link #askQuestion} sends (the server's limit). */
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
    public List<nl.welkom.model.content.SearchHit> search(String query) {
        Optional<ContentPack> pack = Shelf.CONTENT.get(store);
        if (!pack.isPresent()) {
            return Collections.emptyList();
        }
        return LocalSearch.search(pack.get(), languages(), query);
    }

    /**
     * "Was this lesson helpful?". Works offline: a {@code LESSON_FEEDBACK} mutation is queued in the
     * outbox and {@link #sync} sends it; the server keeps one vote per phone and lesson, the last one
     * sent. A lesson the server does not know comes back as a REJECTED {@link SyncNotice}.
     *
     * @throws IllegalArgumentException when {@code lessonId} is empty
     */
    public void rateLesson(String lessonId, boolean helpful) {
        queue(MutationType.LESSON_FEEDBACK, requireText(lessonId, "lessonId"), Boolean.toString(helpful));
    }

    /**
     * Asks a question, about a lesson or ({@code lessonId} null) in general. Works offline: a
     * {@code QUESTION_ASK} mutation is queued and {@link #sync} sends it; the server routes it to the
     * household's buddy when it has one, else to the municipality's officers.
     *
     * @return the question's id (the mutation id)
     * @throws IllegalArgumentException when the text is empty or longer than {@link #MAX_QUESTION_LENGTH}
     */
    public String askQuestion(String lessonId, String text) {
        String value = requireText(text, "text");
        if (value.length() > MAX_QUESTION_LENGTH) {
            throw new IllegalArgumentException("A question has at most " + MAX_QUESTION_LENGTH + " characters");
        }
        return queue(MutationType.QUESTION_ASK, lessonId == null ? "" : lessonId.trim(), value);
    }

    private String queue(MutationType type, String entityId, String value) {
        Mutation mutation = new Mutation(UUID.randomUUID().toString(), type, entityId, 0,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), value);
        store.inTransaction(() -> store.appendToOutbox(mutation));
        return mutation.id();
    }

    private Task edit(String taskId, MutationType type, TaskStatus target) {
        return edit(taskId, type, null, shown -> shown.status() == target);
    }

    private Task edit(String taskId, MutationType type, String value, Predicate<Task> alreadyShown) {
        Objects.requireNonNull(taskId, "taskId");
        Task[] result = new Task[1];
        store.inTransaction(() -> {
            Task serverCopy = Shelf.TASKS.get(store, taskId)
                    .orElseThrow(() -> new IllegalArgumentException("No task " + taskId + " on this phone"));
            Task shown = LocalView.task(serverCopy, store.outbox());
            if (alreadyShown.test(shown)) {
                result[0] = shown;
                return;
            }
            Mutation mutation = new Mutation(UUID.randomUUID().toString(), type, taskId, serverCopy.version(),
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), value);
            store.appendToOutbox(mutation);
            result[0] = LocalView.apply(shown, mutation);
        });
        return result[0];
    }

    // ---- pre-departure course and phrasebook ---------------------------------------------

    /**
     * The pre-departure course as last synced, in the reader's languages (store only, offline).
     * Empty before the first sync with a server that has a course. The reading part of each lesson
     * is {@link #lesson(String)} with the course lesson's {@code lessonId}.
     */
    public Optional<Course> course() {
        return Shelf.COURSE.get(store);
    }

    /**
     * Records a household member's answer to a quiz question. Works fully offline: a
     * {@code COURSE_ANSWER} mutation ({@code value} = {@code questionSlug:optionIndex}) is queued
     * and {@link #sync} sends it; the server records each answer once. The right option travels
     * with the course, so the answer is judged here at once — quizzes are practice, not exams.
     *
     * @return whether it was right, the right option and the explanation
     * @throws IllegalArgumentException when there is no course on the phone, no such question, the
     *                                  option is out of range, or the member is not in a household on this phone
     */
    public QuizAnswer answerQuiz(String memberId, String questionSlug, int optionIndex) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        QuizQuestion question = CourseView.question(course, Objects.requireNonNull(questionSlug, "questionSlug"));
        if (question == null) {
            throw new IllegalArgumentException("No question " + questionSlug + " in the course");
        }
        if (optionIndex < 0 || optionIndex >= question.options().size()) {
            throw new IllegalArgumentException("No option " + optionIndex + " for " + questionSlug);
        }
        queueCourse(MutationType.COURSE_ANSWER, requireMember(memberId), questionSlug + ":" + optionIndex);
        return new QuizAnswer(optionIndex == question.correct(), question.correct(), question.explanation());
    }

    /**
     * Marks a course lesson read by a household member; offline, queued as {@code COURSE_LESSON_DONE}.
     * A lesson already shown as done queues nothing.
     *
     * @throws IllegalArgumentException when the lesson is not in the course on this phone or the member unknown
     */
    public void completeCourseLesson(String memberId, String lessonId) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        boolean inCourse = false;
        for (CourseLesson lesson : course.lessons()) {
            inCourse |= lesson.lessonId().equals(lessonId);
        }
        if (!inCourse) {
            throw new IllegalArgumentException("No lesson " + lessonId + " in the course");
        }
        if (courseProgress(requireMember(memberId)).lessonsDone().contains(lessonId)) {
            return;
        }
        queueCourse(MutationType.COURSE_LESSON_DONE, memberId, lessonId);
    }

    /**
     * A member's course progress (store only): the server's last copy with the answers and lessons
     * still in the outbox on top.
     *
     * @throws IllegalArgumentException when there is no course on the phone
     */
    public CourseStatus courseProgress(String memberId) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        return CourseView.status(course, Objects.requireNonNull(memberId, "memberId"), Shelf.COURSE_PROGRESS.all(store),
                store.outbox(), clock);
    }

    /**
     * The certificate of a member who completed the course (store only, offline): every lesson done
     * and every question answered correctly at least once. The date is the server's once it has
     * heard, else the day it was completed on this phone. Empty while not complete.
     */
    public Optional<Certificate> certificate(String memberId) {
        Optional<Course> course = Shelf.COURSE.get(store);
        if (!course.isPresent()) {
            return Optional.empty();
        }
        CourseStatus status = courseProgress(memberId);
        Member member = member(memberId);
        if (!status.complete() || member == null) {
            return Optional.empty();
        }
        String id = UUID.nameUUIDFromBytes(("certificate:" + memberId + ":" + course.get().slug())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return Optional.of(new Certificate(id, memberId, member.displayName(), course.get().slug(),
                course.get().title(), status.completedAt(), course.get().language()));
    }

    /** The phrasebook as last synced, in the reader's languages (store only, offline); empty before. */
    public Optional<Phrasebook> phrasebook() {
        return Shelf.PHRASEBOOK.get(store);
    }

    // ---- local information ------------------------------------------------------------------

    /**
     * The places of the phone's municipality (its household's; a buddy's own) as last synced, in the
     * reader's languages, by category (store only, offline); empty before the first sync with a
     * server that has places.
     */
    public Optional<Places> places() {
        return Shelf.PLACES.get(store);
    }

    /**
     * The {@code geo:} link that opens a map app at a place: {@code geo:lat,lon?q=<name>} when its
     * coordinates are known, {@code geo:0,0?q=<address, postcode city>} (a map search) when only its
     * address is, empty for a place described generically. Text is percent-encoded as UTF-8, spaces
     * as {@code %20}. The one place this link is built.
     */
    public static Optional<String> geoLink(Place place) {
        Objects.requireNonNull(place, "place");
        if (place.latitude() != null && place.longitude() != null) {
            return Optional.of("geo:" + plain(place.latitude()) + "," + plain(place.longitude()) + "?q="
                    + encode(place.name()));
        }
        if (place.address() != null) {
            StringBuilder where = new StringBuilder(place.address());
            String town = ((place.postcode() == null ? "" : place.postcode() + " ")
                    + (place.city() == null ? "" : place.city())).trim();
            if (!town.isEmpty()) {
                where.append(", ").append(town);
            }
            return Optional.of("geo:0,0?q=" + encode(where.toString()));
        }
        return Optional.empty();
    }

    private static String plain(double coordinate) {
        return java.math.BigDecimal.valueOf(coordinate).stripTrailingZeros().toPlainString();
    }

    private static String encode(String text) {
        try {
            return java.net.URLEncoder.encode(text == null ? "" : text, "UTF-8").replace("+", "%20");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private String requireMember(String memberId) {
        if (member(Objects.requireNonNull(memberId, "memberId")) == null) {
            throw new IllegalArgumentException("No member " + memberId + " on this phone");
        }
        return memberId;
    }

    private Member member(String memberId) {
        for (Household h : Shelf.HOUSEHOLDS.all(store)) {
            if (h.members() != null) {
                for (Member m : h.members()) {
                    if (memberId.equals(m.id())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    private void queueCourse(MutationType type, String memberId, String value) {
        store.appendToOutbox(new Mutation(UUID.randomUUID().toString(), type, memberId, 0,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), value));
    }

    private static String requireText(String value, String name) {
        String trimmed = Objects.requireNonNull(value, name).trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return trimmed;
    }

    /**
     * Configures a {@link Welkom}. {@link #baseUrl(String)} and {@link #store(LocalStore)} are
     * required.
     */
    public static final class Builder {
        private HttpUrl baseUrl;
        private OkHttpClient okHttpClient;
        private LocalStore store;
        private Clock clock = Clock.systemUTC();
        private int pullLimit = SyncEngine.DEFAULT_PULL_LIMIT;

        private Builder() {
        }

        /**
         * The server, e.g. {@code https://welkom.example} or {@code http://localhost:8080}; a path
         * prefix ({@code https://host/welkom/}) is kept.
         *
         * @throws IllegalArgumentException when it is not an http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl").trim());
            if (url == null) {
                throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
            }
            this.baseUrl = url;
            return this;
        }

        /**
         * An OkHttp client to share (connection pool, certificate pinning, logging). Optional; by
         * default a client with timeouts suited to slow mobile links is used. Welkom adds its own
         * interceptors to a derived client and leaves this one unchanged.
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Where everything is kept. Required. */
        public Builder store(LocalStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for mutation timestamps. Optional; defaults to the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Items per pull page, 1 to 1000; optional, 200 by default (the server's default). Each page
         * commits on its own, so smaller pages lose less to a connection that keeps breaking, at the
         * cost of more requests. Tests use tiny pages to interrupt a pull midway.
         *
         * @throws IllegalArgumentException outside 1..1000
         */
        public Builder pullPageSize(int items) {
            if (items < 1 || items > SyncEngine.MAX_PULL_LIMIT) {
                throw new IllegalArgumentException("pullPageSize must be 1.." + SyncEngine.MAX_PULL_LIMIT);
            }
            this.pullLimit = items;
            return this;
        }

        /** @throws IllegalStateException when the base URL or the store is missing */
        public Welkom build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (store == null) {
                throw new IllegalStateException("store is required");
            }
            return new Welkom(this);
        }
    }
}
