package nl.welkom.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import okhttp3.OkHttpClient;

/**
 * A newcomer's phone: the real {@link Welkom} client on a real {@link SqliteLocalStore}, talking
 * through the counting proxy. Only the public client API is used.
 */
final class Phone implements AutoCloseable {
    final Welkom welkom;
    private final SqliteLocalStore store;
    private final CountingProxy proxy;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param identity true to send {@code Accept-Encoding: identity} on every request (no gzip);
     *                 OkHttp then neither asks for nor unpacks compressed answers
     */
    Phone(CountingProxy proxy, Path dir, boolean identity) throws Exception {
        this.proxy = proxy;
        Files.createDirectories(dir);
        File file = dir.resolve("welkom.db").toFile();
        this.store = SqliteLocalStore.open(file);
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(20, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS);
        if (identity) {
            http.addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().header("Accept-Encoding", "identity").build()));
        }
        // Network level: sees every exchange that really goes out, with its final status.
        http.addNetworkInterceptor(chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            requests.add(chain.request().method() + " " + chain.request().url().encodedPath() + " " + response.code()
                    + (response.header("Content-Encoding") != null ? " " + response.header("Content-Encoding") : ""));
            return response;
        });
        this.welkom = Welkom.builder().baseUrl(proxy.baseUrl()).store(store).okHttpClient(http.build()).build();
    }

    /** What one measured step cost on the wire. */
    static final class Measure {
        final String name;
        CountingProxy.Snapshot total;
        final Map<SyncListener.Phase, CountingProxy.Snapshot> phases = new EnumMap<>(SyncListener.Phase.class);
        CountingProxy.Snapshot activation;
        List<String> requests;
        SyncResult result;

        Measure(String name) {
            this.name = name;
        }
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** Runs {@code before} (e.g. activation), then one sync, and measures both on the proxy. */
    Measure measure(String name, Step before) throws Exception {
        Measure m = new Measure(name);
        int requestsBefore = requests.size();
        CountingProxy.Snapshot start = proxy.snapshot();
        if (before != null) {
            before.run();
        }
        CountingProxy.Snapshot afterActivation = proxy.snapshot();
        m.activation = afterActivation.minus(start);
        CountingProxy.Snapshot[] mark = {afterActivation};
        SyncListener.Phase[] current = {null};
        m.result = welkom.sync((phase, done, total, bytes) -> {
            if (phase != current[0]) {
                CountingProxy.Snapshot now = proxy.snapshot();
                if (current[0] != null) {
                    m.phases.put(current[0], now.minus(mark[0]));
                }
                mark[0] = now;
                current[0] = phase;
            }
        });
        m.total = proxy.snapshot().minus(start);
        synchronized (requests) {
            m.requests = new ArrayList<>(requests.subList(requestsBefore, requests.size()));
        }
        return m;
    }

    int taskCount() {
        return welkom.journey().tasks().size();
    }

    @Override
    public void close() {
        store.close();
    }
}
