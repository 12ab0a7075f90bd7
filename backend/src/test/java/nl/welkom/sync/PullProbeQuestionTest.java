package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.BearerTokenFetcher;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A phone's pull asks "anything new?" in its token check's own statement (issue 14): the answer that
 * comes with the token is the answer {@link ChangeProbe} gives when asked alone, and it comes only
 * for a household's phone on its own pull.
 */
class PullProbeQuestionTest {
    private static final Api API = new Api();
    private static final String LIBRARY = "The library has Arabic books for children. Ask at the desk.";
    private static Session phone;
    private static Session otherPhone;

    @BeforeAll
    static void activate() {
        phone = Fixtures.device(API, "T-PAGE");
        otherPhone = Fixtures.device(API, "T-PUSH");
    }

    @Test
    void theAnswerThatComesWithThePhonesTokenIsTheProbesOwnAnswer() throws Exception {
        long head = TestServer.get().queryLong("SELECT last_seq FROM change_sequence WHERE id = 1");
        for (long after : new long[] {0, head, head + 5}) {
            assertEquals(alone(phone, after), withToken(phone, after), "after " + after);
        }
        assertTrue(withToken(phone, 0).anything(), "the household's own data is new to a phone at 0");
        assertFalse(withToken(phone, head).anything(), "nothing is new at the head");

        message(otherPhone);
        assertTrue(answer(pull(phone.token(), head)).isEmpty(),
                "at the head this server last read, the phone is asked for the head alone, which no longer tells");
        ChangeProbe.Answer moved = withToken(phone, head);
        assertFalse(moved.anything(), "another household's message is not this phone's");
        assertTrue(moved.head() > head, "the head moved");
        assertEquals(alone(phone, head), moved);

        message(phone);
        assertTrue(answer(pull(phone.token(), moved.head())).isEmpty());
        ChangeProbe.Answer news = withToken(phone, moved.head());
        assertTrue(news.anything(), "its own household's message is");
        assertEquals(alone(phone, moved.head()), news);
    }

    @Test
    void aPhoneAtTheHeadGetsTheNewsThatCameAfterTheServerLastReadTheHead() {
        String path = "/api/sync/pull?lang=ar,en&after=";
        long head = API.get(path + 0, phone.token()).as(PullResponse.class).cursor();
        PullResponse quiet = API.get(path + head, phone.token()).as(PullResponse.class);
        assertEquals(head, quiet.cursor());
        assertTrue(quiet.messages().isEmpty(), "nothing new at the head");

        message(phone);
        PullResponse news = API.get(path + head, phone.token()).as(PullResponse.class);

        assertTrue(news.cursor() > head, "the cursor moves past the new message");
        assertTrue(news.messages().stream().anyMatch(message -> message.text().equals(LIBRARY)),
                "the officer's message reaches the phone");
    }

    @Test
    void onlyAHouseholdsPhoneGetsAnAnswerAndOnlyOnItsPull() throws Exception {
        String officer = API.login(Fixtures.OFFICER);
        String buddy = API.login(Fixtures.BUDDY);

        assertTrue(answer(pull(officer, 0)).isEmpty(), "an officer's token");
        assertTrue(answer(pull(buddy, 0)).isEmpty(), "a family friend's token (not a household's phone)");
        assertTrue(answer(pull("no-such-token", 0)).isEmpty(), "an unknown token");
        assertTrue(answer(HttpRequest.GET("/api/sync/pull?after=x").bearerAuth(phone.token())).isEmpty(),
                "a cursor that is no number");
        assertTrue(answer(HttpRequest.POST("/api/sync/push", "{}").bearerAuth(phone.token())).isEmpty(), "a push");
        assertTrue(answer(HttpRequest.GET("/api/me").bearerAuth(phone.token())).isEmpty(), "another route");
        assertTrue(answer(pull(phone.token(), 0)).isPresent(), "the phone's own pull");
    }

    @Test
    void aRevokedPhoneGetsNoAnswer() throws Exception {
        Session revoked = Fixtures.device(API, "T-PAGE");
        String officer = API.login(Fixtures.OFFICER);
        assertTrue(answer(pull(revoked.token(), 0)).isPresent());

        assertEquals(200, API.post("/api/devices/" + revoked.deviceId() + "/revoke", officer, Map.of()).status());

        assertTrue(answer(pull(revoked.token(), 0)).isEmpty());
    }

    private static MutableHttpRequest<?> pull(String token, long after) {
        return HttpRequest.GET("/api/sync/pull?after=" + after + "&lang=ar,en").bearerAuth(token);
    }

    private static ChangeProbe.Answer withToken(Session session, long after) throws Exception {
        return answer(pull(session.token(), after)).orElseThrow();
    }

    private static ChangeProbe.Answer alone(Session session, long after) {
        Caller caller = new Caller(Role.NEWCOMER, null, session.deviceId(), session.municipalityId(),
                session.householdId());
        return TestServer.get().context().getBean(ChangeProbe.class).ask(caller, after);
    }

    private static void message(Session household) {
        String officer = API.login(Fixtures.OFFICER);
        assertEquals(201, API.post("/api/households/" + household.householdId() + "/messages", officer,
                Map.of("text", LIBRARY)).status());
    }

    /** Runs the server's own token check on the request, as for a request that arrives, and reads the answer. */
    private static Optional<ChangeProbe.Answer> answer(MutableHttpRequest<?> request) throws Exception {
        BearerTokenFetcher fetcher = TestServer.get().context().getBean(BearerTokenFetcher.class);
        CompletableFuture<Void> done = new CompletableFuture<>();
        fetcher.fetchAuthentication(request).subscribe(new Subscriber<Authentication>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(Authentication authentication) {
                // the caller; what is checked here is the attribute
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        return request.getAttribute(PullProbeQuestion.ATTRIBUTE, ChangeProbe.Answer.class);
    }
}
