package nl.welkom.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

class MessageSyncApiTest {
    private static final Api API = new Api();

    @Test
    void aMessageWrittenOfflineArrivesOnceReachesTheFriendButNotWhatWasSentBeforeTheMatchAndReadStateTravels() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG-SYNC");
        String phone = Fixtures.device(API, "T-MSG-SYNC").token();
        Mutation early = send(household, "Wij hebben een brief van de Belastingdienst gekregen.");
        assertEquals(MutationOutcome.APPLIED, push(phone, List.of(early)).get(0).outcome());
        TestServer.get().update("UPDATE message SET sent_at = sent_at - 60000 WHERE id = ?", early.id());
        Fixtures.match(API, officer, household, Fixtures.buddyId(API, officer, MessageApiTest.BUDDY));
        String buddy = API.login(MessageApiTest.BUDDY);

        Mutation offline = send(household, "Kunt u helpen met de brief?");
        List<MutationResult> first = push(phone, List.of(offline));
        List<MutationResult> again = push(phone, List.of(offline));
        assertEquals(MutationOutcome.APPLIED, first.get(0).outcome(), first.get(0).detail());
        assertEquals(MutationOutcome.ALREADY_APPLIED, again.get(0).outcome());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM message WHERE id = ?", offline.id()));

        List<Message> household1 = pullAll(phone);
        assertTrue(household1.stream().anyMatch(m -> m.id().equals(early.id())));
        assertTrue(household1.stream().anyMatch(m -> m.id().equals(offline.id())
                && m.from() == MessageAuthor.HOUSEHOLD && m.text().equals("Kunt u helpen met de brief?")));
        List<Message> friend = pullAll(buddy);
        assertTrue(friend.stream().anyMatch(m -> m.id().equals(offline.id())), "the friend pulls it");
        assertFalse(friend.stream().anyMatch(m -> m.id().equals(early.id())), "sent before the match: not theirs");

        Mutation answer = send(household, "Ja, ik kijk er morgen naar.");
        assertEquals(MutationOutcome.APPLIED, push(buddy, List.of(answer)).get(0).outcome());
        Mutation read = new Mutation(UUID.randomUUID().toString(), MutationType.MESSAGE_READ, household, 0,
                "2026-12-04T10:00:00Z", answer.id());
        assertEquals(MutationOutcome.APPLIED, push(phone, List.of(read)).get(0).outcome());

        Message readAnswer = last(pullAll(buddy), answer.id());
        assertEquals(MessageAuthor.BUDDY, readAnswer.from());
        assertNotNull(readAnswer.readAt(), "the friend's phone sees that the family read it");
        assertEquals(2, readAnswer.version());
    }

    @Test
    void aBadOrForeignMessageIsRejectedWithAReasonAndNothingIsStored() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG-SYNC");
        String other = Fixtures.device(API, "T-ASK-OFFICER").token();
        String phone = Fixtures.device(API, "T-MSG-SYNC").token();

        List<Mutation> bad = List.of(send(household, " "), send(household, "x".repeat(2001)));
        for (MutationResult result : push(phone, bad)) {
            assertEquals(MutationOutcome.REJECTED, result.outcome());
            assertTrue(result.detail() != null && !result.detail().isBlank());
        }
        Mutation foreign = send(household, "Hallo buren");
        assertEquals(MutationOutcome.REJECTED, push(other, List.of(foreign)).get(0).outcome());
        assertEquals(MutationOutcome.REJECTED, push(API.login(Fixtures.BUDDY), List.of(send(household, "Hoi")))
                .get(0).outcome());
        for (Mutation mutation : List.of(bad.get(0), bad.get(1), foreign)) {
            assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM message WHERE id = ?", mutation.id()));
        }
    }

    @Test
    void aQuestionAboutALessonFromAnOldClientBecomesAMessageOfTheConversation() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG-SYNC");
        String phone = Fixtures.device(API, "T-MSG-SYNC").token();
        Mutation question = new Mutation(UUID.randomUUID().toString(), MutationType.QUESTION_ASK, "", 0,
                "2026-12-04T10:00:00Z", "Waar haal ik een DigiD?");

        assertEquals(MutationOutcome.APPLIED, push(phone, List.of(question)).get(0).outcome());

        Message message = last(MessageApiTest.conversation(officer, household), question.id());
        assertEquals(MessageAuthor.HOUSEHOLD, message.from());
        assertEquals("Waar haal ik een DigiD?", message.text());
    }

    private static Mutation send(String household, String text) {
        return new Mutation(UUID.randomUUID().toString(), MutationType.MESSAGE_SEND, household, 0,
                "2026-12-04T09:00:00Z", text);
    }

    private static Message last(List<Message> messages, String id) {
        Message found = null;
        for (Message message : messages) {
            if (message.id().equals(id)) {
                found = message;
            }
        }
        assertNotNull(found, id);
        return found;
    }

    private static List<Message> pullAll(String token) {
        List<Message> messages = new ArrayList<>();
        long cursor = 0;
        boolean more;
        do {
            Api.Response response = API.get("/api/sync/pull?after=" + cursor, token);
            assertEquals(200, response.status(), response.body());
            // Read without the announcements (another part of issue 11 brings their wire format).
            Map<?, ?> page = response.as(Map.class);
            for (Object message : (List<?>) page.get("messages")) {
                try {
                    messages.add(response.mapper().readValue(response.mapper().writeValueAsString(message), Message.class));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            cursor = ((Number) page.get("cursor")).longValue();
            more = (Boolean) page.get("hasMore");
        } while (more);
        return messages;
    }

    private static List<MutationResult> push(String token, List<Mutation> mutations) {
        Api.Response response = API.post("/api/sync/push", token, new PushRequest(mutations));
        assertEquals(200, response.status(), response.body());
        return response.as(PushResponse.class).results();
    }
}
