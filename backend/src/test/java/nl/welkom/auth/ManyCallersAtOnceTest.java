package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phones, officers and family friends asking at the same moment: the token checks that wait while
 * another runs share one statement (issue 14, {@link CombinedChecks}), and every request is still
 * answered as its own caller — never as another request's — and a revoked phone is still refused.
 */
class ManyCallersAtOnceTest {
    private static final Api API = new Api();
    private static final int THREADS = 12;
    private static final int REQUESTS_PER_THREAD = 100;

    /** A token and what the server must answer it with. */
    private record Caller(String name, String token, String expectedMe, int expectedPullAtHead) {
    }

    private static final List<Caller> CALLERS = new ArrayList<>();
    private static long head;

    @BeforeAll
    static void callers() {
        String officer = API.login(Fixtures.OFFICER);
        for (Session phone : List.of(Fixtures.device(API, "T-PAGE"), Fixtures.device(API, "T-PUSH"),
                Fixtures.device(API, Fixtures.OTHER_OFFICER, "A-OTHER"))) {
            CALLERS.add(new Caller("phone of " + phone.householdId(), phone.token(), identity(phone), 200));
        }
        for (String staff : List.of(Fixtures.OFFICER, Fixtures.OTHER_OFFICER, Fixtures.BUDDY)) {
            String token = API.login(staff);
            int pull = staff.equals(Fixtures.BUDDY) ? 200 : 403;
            CALLERS.add(new Caller(staff, token, identity(API.get("/api/me", token).as(Session.class)), pull));
        }
        Session revoked = Fixtures.device(API, "T-PAGE");
        assertEquals(200, API.post("/api/devices/" + revoked.deviceId() + "/revoke", officer, Map.of()).status());
        CALLERS.add(new Caller("revoked phone", revoked.token(), "401 device-revoked", 401));
        CALLERS.add(new Caller("unknown token", "no-such-token-at-all", "401", 401));
        head = TestServer.get().queryLong("SELECT last_seq FROM change_sequence WHERE id = 1");
    }

    @Test
    void everyRequestIsAnsweredAsItsOwnCallerWhenManyAskAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> mistakes = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(20261205L + t);
                mistakes.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        Caller caller = CALLERS.get(random.nextInt(CALLERS.size()));
                        if (random.nextBoolean()) {
                            String me = me(caller.token());
                            if (!me.equals(caller.expectedMe())) {
                                wrong.add(caller.name() + " was answered as " + me);
                            }
                        } else {
                            // An up-to-date pull: its check asks the head alone, in a statement of its own kind.
                            int status = API.get("/api/sync/pull?after=" + head, caller.token()).status();
                            if (status != caller.expectedPullAtHead()) {
                                wrong.add(caller.name() + "'s pull at the head got " + status);
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> thread : mistakes) {
                assertEquals(List.of(), thread.get(120, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String me(String token) {
        Api.Response response = API.get("/api/me", token);
        if (response.status() == 200) {
            return identity(response.as(Session.class));
        }
        String type = response.problem(response.status()).type();
        return response.status() + (type.endsWith("/device-revoked") ? " device-revoked" : "");
    }

    private static String identity(Session session) {
        return session.role() + " " + session.municipalityId() + " " + session.householdId() + " "
                + session.deviceId() + " " + session.displayName();
    }
}
