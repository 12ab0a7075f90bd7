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

    /** A fetched content pack with the validator to revalidate it next time. */
    static final class Content {
        final ContentPack pack;
        final String etag;

        Content(ContentPack pack, String etag) {
            this.pack = pack;
            this.etag = etag;
        }
    }

    /**
     * {@code GET /api/content}; returns null on {@code 304 Not Modified}.
     *
     * @param chain language codes, already validated to contain no characters that need escaping
     * @param etag  validator of the pack the phone holds for this chain, or null
     */
    Content content(List<String> chain, String etag, ByteCounter counter) throws WelkomException {
        HttpUrl.Builder url = url("api/content").newBuilder();
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
            ContentPack pack = read(response, ContentPack.class);
            String validator = response.header("ETag");
            if (validator == null && pack.version() != null) {
                validator = '"' + pack.version() + '"';
            }
            return new Content(pack, validator);
        }
    }

    private HttpUrl url(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build();
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
            text = response.body().string();
        } catch (IOException e) {
            throw offline(e);
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
