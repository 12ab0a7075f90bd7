package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import nl.welkom.model.content.SearchHit;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class FeedbackAndSearchTest extends ServerTestSupport {

    @Test
    void aVoteAndAQuestionMadeOfflineReachTheServerInTheNextSync() throws Exception {
        activated();
        welkom.lessons().rate("lesson-gp", false);
        String questionId = welkom.lessons().ask("lesson-gp", "  Moet ik een afspraak maken?  ");
        assertEquals(0, server.getRequestCount(), "nothing left the phone");
        List<Mutation> outbox = store.outbox();
        assertEquals(2, outbox.size());
        assertEquals(questionId, outbox.get(1).id());

        server.enqueue(json(new PushResponse(Arrays.asList(
                new MutationResult(outbox.get(0).id(), MutationOutcome.APPLIED, null),
                new MutationResult(outbox.get(1).id(), MutationOutcome.APPLIED, null)))));
        server.enqueue(json(emptyPage(0)));
        server.enqueue(notModified());
        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(2, result.applied());
        assertEquals(0, welkom.pendingChanges());
        RecordedRequest push = take();
        assertEquals("/api/sync/push", push.getPath());
        JsonArray sent = JsonParser.parseString(push.getBody().readUtf8()).getAsJsonObject().getAsJsonArray("mutations");
        JsonObject vote = sent.get(0).getAsJsonObject();
        assertEquals("LESSON_FEEDBACK", vote.get("type").getAsString());
        assertEquals("lesson-gp", vote.get("entityId").getAsString());
        assertEquals("false", vote.get("value").getAsString());
        JsonObject question = sent.get(1).getAsJsonObject();
        assertEquals("QUESTION_ASK", question.get("type").getAsString());
        assertEquals("Moet ik een afspraak maken?", question.get("value").getAsString());
    }

    @Test
    void aQuestionWithoutLessonOrTextIsHandledLocally() {
        activated();
        welkom.lessons().ask(null, "Wanneer komt de taalles?");
        assertEquals(MutationType.QUESTION_ASK, store.outbox().get(0).type());
        assertEquals("", store.outbox().get(0).entityId());
        assertThrows(IllegalArgumentException.class, () -> welkom.lessons().ask("lesson-gp", "   "));
        assertThrows(IllegalArgumentException.class, () -> welkom.lessons().rate(" ", true));
    }

    @Test
    void searchFindsTheStoredPackOfflineAlongTheChainIgnoringCaseAndAccents() {
        Shelf.CONTENT.put(store, Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));
        welkom.setLanguages(Arrays.asList("ar", "en"));

        List<SearchHit> arabic = welkom.lessons().search("طبيب العائلة");
        assertEquals(1, arabic.size());
        assertEquals("ar", arabic.get(0).language());
        assertEquals("lesson-gp", arabic.get(0).lessonId());

        List<SearchHit> english = welkom.lessons().search("PRACTICE");
        assertEquals(1, english.size());
        assertEquals("en", english.get(0).language());
        assertTrue(english.get(0).snippet().contains("practice"), english.get(0).snippet());

        assertTrue(welkom.lessons().search("huisarts").isEmpty());
        assertTrue(welkom.lessons().search("   ").isEmpty());
        assertEquals(0, server.getRequestCount(), "search never calls the server");
    }
}
