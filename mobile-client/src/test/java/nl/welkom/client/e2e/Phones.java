package nl.welkom.client.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;

import nl.welkom.client.Welkom;
import nl.welkom.client.store.LocalStore;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PushResponse;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** Builds simulated phones for the end-to-end tests: the real {@link Welkom} on a real store, through the fault proxy. */
final class Phones {

    private Phones() {
    }

    /**
     * A phone talking to {@code baseUrl}. No idle connections are kept, so each request opens its
     * own connection and a proxy plan hits exactly that request.
     *
     * @param retries  OkHttp's silent retry on a broken connection (on by default on real phones)
     * @param pageSize items per pull page
     * @param recorder records the outcome of every pushed mutation the phone heard, or null
     */
    static Welkom phone(String baseUrl, LocalStore store, boolean retries, int pageSize, OutcomeRecorder recorder) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .retryOnConnectionFailure(retries)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS);
        if (recorder != null) {
            http.addInterceptor(recorder);
        }
        return Welkom.builder().baseUrl(baseUrl).store(store).okHttpClient(http.build()).pullPageSize(pageSize).build();
    }

    /**
     * Every push answer a phone received in full, as mutation id → outcomes in arrival order. An
     * answer lost on the way (dropped or cut by the proxy) is not here; its retry's answer is.
     */
    static final class OutcomeRecorder implements Interceptor {
        private static final Gson GSON = new Gson();
        private final Map<String, List<MutationOutcome>> outcomes = new LinkedHashMap<>();

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            if (response.code() == 200 && chain.request().url().encodedPath().endsWith("/api/sync/push")) {
                // peekBody throws when the body is cut: then the phone did not hear the answer either.
                PushResponse answer = GSON.fromJson(response.peekBody(10L * 1024 * 1024).string(), PushResponse.class);
                synchronized (this) {
                    for (MutationResult r : answer.results()) {
                        outcomes.computeIfAbsent(r.mutationId(), id -> new ArrayList<>()).add(r.outcome());
                    }
                }
            }
            return response;
        }

        synchronized List<MutationOutcome> of(String mutationId) {
            List<MutationOutcome> heard = outcomes.get(mutationId);
            return heard == null ? Collections.<MutationOutcome>emptyList() : new ArrayList<>(heard);
        }

        synchronized Map<String, List<MutationOutcome>> all() {
            return new LinkedHashMap<>(outcomes);
        }
    }
}
