package nl.welkom.client;

import java.time.Clock;
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
import java.util.concurrent.TimeUnit;
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
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.Places;
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
 * {@link WelkomApiException#isDeviceRevoked()} for a phone an officer disconnected or a family
 * friend whose account ended — the library has then wiped the store), {@link LocalStoreException} (unchecked) when the store fails,
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

    private final LocalStore store;
    private final Clock clock;
    private final Api api;
    private final SyncEngine engine;
    private final Journey journey;
    private final Lessons lessons;
    private final CourseBook course;
    private final Appointments appointments;
    private final Messages messages;
    private final Announcements announcements;
    private final Meetings meetings;

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
        this.journey = new Journey(store, clock);
        this.lessons = new Lessons(store, clock);
        this.course = new CourseBook(store, clock);
        this.appointments = new Appointments(store, clock);
        this.messages = new Messages(store, clock);
        this.announcements = new Announcements(store, clock);
        this.meetings = new Meetings(store, clock, journey);
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
     * Checks an activation code without spending it ({@code POST /api/activation/check}), so that an
     * app asks for the phone's name only after the code is known to be good. Stores nothing.
     *
     * <p>Offline: {@link WelkomOfflineException}. An unknown, used or expired code is a
     * {@link WelkomApiException} with status 400 (problem type {@code …/activation-code-invalid}).
     */
    public void checkActivationCode(String code) throws WelkomException {
        api.checkActivation(requireText(code, "code"));
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

    /**
     * Signs the person out of this phone (a family friend lending or leaving a phone): tells the
     * server to end the session when it can be reached, then forgets everything personal — the
     * session, the households and tasks, the outbox, notices and the places — whether the server
     * was reached or not. The languages and the public lessons stay. Edits still waiting in the
     * outbox are lost: sync first (the companion offers it).
     *
     * @return true when the server ended the session too, false when it could not be reached or refused
     */
    public boolean signOut() {
        boolean told;
        try {
            api.logout();
            told = true;
        } catch (WelkomException e) {
            told = false;
        }
        engine.exclusive(() -> store.inTransaction(() -> store.forget(Shelf.PERSONAL)));
        return told;
    }

    /** Stores a new session, forgetting what belonged to someone else. */
    private void keep(Session session) {
        engine.exclusive(() -> store.inTransaction(() -> {
            Optional<Session> previous = Shelf.SESSION.get(store);
            // A session that no longer reads is someone unknown: forget, never hand their data on.
            boolean unreadable = !previous.isPresent() && store.document(Shelf.SESSION.kind, "").isPresent();
            if (unreadable || previous.isPresent() && !samePerson(previous.get(), session)) {
                store.forget(Shelf.ABOUT_THE_CALLER);
            }
            Shelf.SESSION.put(store, session);
        }));
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
     * <p>Offline: {@link WelkomOfflineException}; the stored pack stays and {@link Lessons#topics()} keeps
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

    /** The households on this phone, their tasks and the reader's offline edits. */
    public Journey journey() {
        return journey;
    }

    /** The orientation lessons on this phone, search, and feedback and questions about them. */
    public Lessons lessons() {
        return lessons;
    }

    /** The pre-departure course, each member's progress and certificate. */
    public CourseBook course() {
        return course;
    }

    /** The households' appointments: upcoming, reminders due, changed ones, and the family's answer (offline). */
    public Appointments appointments() {
        return appointments;
    }

    /** The conversations: the household's with its officers and family friend, or a family friend's with each family. */
    public Messages messages() {
        return messages;
    }

    /** The municipality's announcements on a household's phone: live ones, and which are new. */
    public Announcements announcements() {
        return announcements;
    }

    /** A family friend's meeting log: meetings per family, logging one offline, the families not met for a while. */
    public Meetings meetings() {
        return meetings;
    }

    /** The stored session; empty before activation. Reads the store only. */
    public Optional<Session> session() {
        return Shelf.SESSION.get(store);
    }

    /**
     * What the last finished sync did and when ({@link SyncResult#finishedAt()}), kept across restarts
     * for a "since the last sync" line; empty before the first. Reads the store only.
     */
    public Optional<SyncResult> lastSync() {
        return Shelf.LAST_SYNC.get(store);
    }

    /** Number of edits waiting to be sent. Reads the store only. */
    public int pendingChanges() {
        return store.outbox().size();
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

    // ---- pre-departure course and phrasebook ---------------------------------------------

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
     * The {@code geo:} link an Android app hands to a map app: {@code geo:lat,lon?q=<name>} when the
     * place's coordinates are known; empty otherwise (a {@code geo:0,0} search is never built: it
     * reads as nonsense and some map apps open at 0,0). Text is percent-encoded as UTF-8, spaces as
     * {@code %20}.
     */
    public static Optional<String> geoLink(Place place) {
        Objects.requireNonNull(place, "place");
        if (place.latitude() != null && place.longitude() != null) {
            return Optional.of("geo:" + plain(place.latitude()) + "," + plain(place.longitude()) + "?q="
                    + encode(place.name()));
        }
        return Optional.empty();
    }

    /**
     * A web link that opens the place on a map in any browser (OpenStreetMap): at its coordinates
     * when they are known, else a search for its address, postcode and city; empty for a place
     * described generically. The one place a readable map link is built.
     */
    public static Optional<String> mapLink(Place place) {
        Objects.requireNonNull(place, "place");
        if (place.latitude() != null && place.longitude() != null) {
            String lat = plain(place.latitude());
            String lon = plain(place.longitude());
            return Optional.of("https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon);
        }
        if (place.address() != null) {
            StringBuilder where = new StringBuilder(place.address());
            String town = ((place.postcode() == null ? "" : place.postcode() + " ")
                    + (place.city() == null ? "" : place.city())).trim();
            if (!town.isEmpty()) {
                where.append(", ").append(town);
            }
            return Optional.of("https://www.openstreetmap.org/search?query=" + encode(where.toString()));
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

    static String requireText(String value, String name) {
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
