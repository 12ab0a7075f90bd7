package nl.welkom.client;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;

import nl.welkom.model.Problem;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The backend's HTTP contract (docs/api.md) as blocking calls, and the one place that turns
 * transport failures and problem answers into {@link WelkomException}s. Wire types are serialized
 * with Gson's defaults: records by component name, enums by name, dates as the ISO strings the
 * records already hold.
 */
final class Api {

    static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .setStrictness(Strictness.STRICT)
            .create();

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /**
     * Successful bodies are read up to this size (8 MiB, after gzip); a larger answer is refused as
     * unreadable without being held in memory. A content pack for three languages is well under 1 MiB,
     * and a pull page is at most 1000 items. A hostile or broken server cannot make the phone buffer more.
     */
    static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    /** Error bodies are read up to this size; a problem document is far smaller. */
    private static final long MAX_PROBLEM_BYTES = 64 * 1024;

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    Api(OkHttpClient client, HttpUrl baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    Session activate(ActivationRequest request) throws WelkomException {
        Request http = new Request.Builder()
                .url(url("api/activation"))
                .post(json(request))
                .tag(AuthInterceptor.Anonymous.class, AuthInterceptor.Anonymous.INSTANCE)
                .build();
        return call(http, Session.class);
    }

    /** {@code POST /api/activation/check}: 204 for a usable code, the redeem problem otherwise. */
    void checkActivation(String code) throws WelkomException {
        Request http = new Request.Builder()
                .url(url("api/activation/check"))
                .post(json(java.util.Collections.singletonMap("code", code)))
                .tag(AuthInterceptor.Anonymous.class, AuthInterceptor.Anonymous.INSTANCE)
                .build();
        expectSuccess(http);
    }

    Session login(LoginRequest request) throws WelkomException {
        Request http = new Request.Builder()
                .url(url("api/auth/login"))
                .post(json(request))
                .tag(AuthInterceptor.Anonymous.class, AuthInterceptor.Anonymous.INSTANCE)
                .build();
        return call(http, Session.class);
    }

    PushResponse push(PushRequest request, ByteCounter counter) throws WelkomException {
        Request http = new Request.Builder()
                .url(url("api/sync/push"))
                .post(json(request))
                .tag(ByteCounter.class, counter)
                .build();
        return call(http, PushResponse.class);
    }

    /**
     * {@code GET /api/sync/pull?after=…&limit=…&lang=…}; {@code lang} is left out for an empty chain.
     *
     * @param chain language codes, already validated to contain no characters that need escaping
     */
    PullResponse pull(long after, int limit, List<String> chain, ByteCounter counter) throws WelkomException {
        HttpUrl.Builder url = url("api/sync/pull").newBuilder()
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit));
        if (!chain.isEmpty()) {
            url.addEncodedQueryParameter("lang", String.join(",", chain));
        }
        return call(new Request.Builder().url(url.build()).tag(ByteCounter.class, counter).build(), PullResponse.class);
    }

    /** A fetched document (content pack, course, phrasebook, places) with the validator to revalidate it next time. */
    static final class Fetched<T> {
        final T body;
        final String etag;

        Fetched(T body, String etag) {
            this.body = body;
            this.etag = etag;
        }
    }

    /**
     * {@code GET /api/content}; returns null on {@code 304 Not Modified}.
     *
     * @param chain language codes, already validated to contain no characters that need escaping
     * @param etag  validator of the pack the phone holds for this chain, or null
     */
    Fetched<ContentPack> content(List<String> chain, String etag, ByteCounter counter) throws WelkomException {
        Fetched<ContentPack> fetched = fetch("api/content", chain, etag, ContentPack.class, counter);
        if (fetched != null && fetched.etag == null && fetched.body.version() != null) {
            return new Fetched<>(fetched.body, '"' + fetched.body.version() + '"');
        }
        return fetched;
    }

    /** {@code GET /api/course}; null on 304; a {@code Fetched} with a null body when the server has no course (404). */
    Fetched<Course> course(List<String> chain, String etag, ByteCounter counter) throws WelkomException {
        return fetch("api/course", chain, etag, Course.class, counter);
    }

    /** {@code GET /api/phrasebook}; null on 304. */
    Fetched<Phrasebook> phrasebook(List<String> chain, String etag, ByteCounter counter) throws WelkomException {
        return fetch("api/phrasebook", chain, etag, Phrasebook.class, counter);
    }

    /** {@code GET /api/places}: the caller's municipality's places; null on 304; a null body from a server without places (404). */
    Fetched<Places> places(List<String> chain, String etag, ByteCounter counter) throws WelkomException {
        return fetch("api/places", chain, etag, Places.class, counter);
    }

    /** {@code GET /api/course/progress}: the progress of every household in the phone's scope. */
    List<CourseProgress> courseProgress(ByteCounter counter) throws WelkomException {
        Request http = new Request.Builder().url(url("api/course/progress")).tag(ByteCounter.class, counter).build();
        CourseProgress[] progress = call(http, CourseProgress[].class);
        return java.util.Arrays.asList(progress);
    }

    /** A versioned document for a language chain, revalidated with {@code etag}: null on 304, a null body on 404. */
    private <T> Fetched<T> fetch(String path, List<String> chain, String etag, Class<T> type, ByteCounter counter)
            throws WelkomException {
        HttpUrl.Builder url = url(path).newBuilder();
        if (!chain.isEmpty()) {
            // Codes are [A-Za-z0-9-] (checked by Welkom.setLanguages): the comma can stay unescaped.
            url.addEncodedQueryParameter("lang", String.join(",", chain));
        }
        Request.Builder http = new Request.Builder().url(url.build()).tag(ByteCounter.class, counter);
        if (etag != null) {
            http.header("If-None-Match", etag);
        }
        try (Response response = execute(http.build())) {
            if (response.code() == 304) {
                return null;
            }
            if (response.code() == 404 && type != ContentPack.class) {
                return new Fetched<>(null, null);
            }
            T body = read(response, type);
            return new Fetched<>(body, response.header("ETag"));
        }
    }

    private HttpUrl url(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build();
    }

    /** {@code POST /api/auth/logout}: ends the session of the phone's token on the server. */
    void logout() throws WelkomException {
        expectSuccess(new Request.Builder().url(url("api/auth/logout")).post(RequestBody.create(new byte[0], null)).build());
    }

    /** Sends a request whose answer has no body to read: a problem answer throws, anything else is fine. */
    private void expectSuccess(Request request) throws WelkomException {
        try (Response response = execute(request)) {
            if (!response.isSuccessful()) {
                throw problem(response);
            }
        }
    }

    private static RequestBody json(Object body) {
        return RequestBody.create(GSON.toJson(body), JSON);
    }

    private <T> T call(Request request, Class<T> type) throws WelkomException {
        try (Response response = execute(request)) {
            return read(response, type);
        }
    }

    private Response execute(Request request) throws WelkomOfflineException {
        try {
            return client.newCall(request).execute();
        } catch (IOException e) {
            throw offline(e);
        }
    }

    /** Reads a successful body, or throws the problem an unsuccessful answer carries. */
    private static <T> T read(Response response, Type type) throws WelkomException {
        if (!response.isSuccessful()) {
            throw problem(response);
        }
        // Read the whole body first: Gson reports a connection that breaks mid-body as a syntax
        // error, and a broken connection must read as offline, not as a bad answer.
        String text;
        try {
            text = boundedText(response);
        } catch (IOException e) {
            throw offline(e);
        }
        if (text == null) {
            throw new WelkomApiException(response.code(), new Problem("about:blank", "Answer too large", response.code(),
                    "The answer was larger than " + MAX_BODY_BYTES + " bytes; a Welkom server sends far less."), null);
        }
        T value;
        try {
            value = GSON.fromJson(text, type);
        } catch (JsonParseException e) {
            throw unreadable(response.code(), e);
        }
        if (value == null) {
            throw unreadable(response.code(), null);
        }
        return value;
    }

    /** The body as UTF-8 text, or null when it is longer than {@link #MAX_BODY_BYTES} (then it is not read further). */
    private static String boundedText(Response response) throws IOException {
        okhttp3.ResponseBody body = response.body();
        if (body.contentLength() > MAX_BODY_BYTES) {
            return null;
        }
        okio.BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            return null;
        }
        return source.getBuffer().readUtf8();
    }

    private static WelkomApiException problem(Response response) throws WelkomOfflineException {
        int status = response.code();
        Problem parsed = null;
        try {
            String text = response.peekBody(MAX_PROBLEM_BYTES).string();
            if (text.trim().startsWith("{")) {
                parsed = GSON.fromJson(text, Problem.class);
            }
        } catch (JsonParseException e) {
            parsed = null;
        } catch (IOException e) {
            throw offline(e);
        }
        String fallbackTitle = response.message().isEmpty() ? "HTTP " + status : response.message();
        WelkomApiException e;
        if (parsed == null) {
            e = new WelkomApiException(status, new Problem("about:blank", fallbackTitle, status, null), null);
        } else {
            e = new WelkomApiException(status, new Problem(
                    parsed.type() == null ? "about:blank" : parsed.type(),
                    parsed.title() == null ? fallbackTitle : parsed.title(),
                    parsed.status() == 0 ? status : parsed.status(),
                    parsed.detail()), null);
        }
        // Which token was refused, so that only that session is wiped (a new activation may have
        // replaced it while this request was on its way). response.request() is the request as the
        // interceptors sent it, with the Authorization header.
        String authorization = response.request().header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            e.refusedToken = authorization.substring("Bearer ".length());
        }
        return e;
    }

    private static WelkomApiException unreadable(int status, Exception cause) {
        return new WelkomApiException(status, new Problem("about:blank", "Unreadable response", status,
                "The answer was not what the Welkom server sends; a Wi-Fi login page may be in the way."), cause);
    }

    /** A successful answer that breaks the contract (docs/api.md); reported like an unreadable one. */
    static WelkomApiException unexpected(String detail) {
        return new WelkomApiException(200, new Problem("about:blank", "Unexpected answer", 200, detail), null);
    }

    private static WelkomOfflineException offline(IOException cause) {
        return new WelkomOfflineException("Could not reach the Welkom server: " + cause, cause);
    }
}
