package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import okhttp3.mockwebserver.MockResponse;

class ProblemTest extends ServerTestSupport {

    @Test
    void problemBodiesBecomeWelkomApiExceptions() {
        activated();
        server.enqueue(problem(403, "https://welkom.example/problems/forbidden", "Not allowed",
                "This device may not do that."));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(403, e.status());
        assertEquals("https://welkom.example/problems/forbidden", e.problem().type());
        assertEquals("Not allowed", e.problem().title());
        assertEquals(403, e.problem().status());
        assertTrue(e.getMessage().contains("Not allowed"));
    }

    @Test
    void anErrorWithoutAProblemBodyGetsASynthesizedProblem() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Bad gateway</body></html>"));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.refreshContent());

        assertEquals(502, e.status());
        assertEquals("about:blank", e.problem().type());
        assertEquals(502, e.problem().status());
    }

    @Test
    void aProblemWithMissingFieldsIsCompletedFromTheResponse() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"detail\":\"lang is not a language list\"}"));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.refreshContent());

        assertEquals("about:blank", e.problem().type());
        assertEquals(400, e.problem().status());
        assertEquals("lang is not a language list", e.problem().detail());
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsAnApiException() {
        // A Wi-Fi login page answering in place of the server.
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("<html><body>Please accept the terms of use</body></html>"));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.activate("CODE", "phone"));

        assertEquals(200, e.status());
        assertEquals("Unreadable response", e.problem().title());
    }
}
