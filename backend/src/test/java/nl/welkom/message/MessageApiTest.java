package nl.welkom.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;

class MessageApiTest {
    static final String BUDDY = "messenger@testdorp.test";
    private static final Api API = new Api();

    /** The inbox row as the API sends it. */
    record Row(String householdId, String displayName, String lastMessageAt, MessageAuthor lastFrom,
               boolean unanswered, int unread) {
    }

    /** {@code GET /api/conversations} for the caller. */
    static List<Row> inbox(String token) {
        Api.Response response = API.get("/api/conversations", token);
        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : response.asListOf(Map.class)) {
            rows.add(castRow(row));
        }
        return rows.stream().map(row -> new Row((String) row.get("householdId"), (String) row.get("displayName"),
                (String) row.get("lastMessageAt"), MessageAuthor.valueOf((String) row.get("lastFrom")),
                (Boolean) row.get("unanswered"), ((Number) row.get("unread")).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castRow(Object row) {
        return (Map<String, Object>) row;
    }

    @Test
    void theFamilyAndTheOfficerWriteEachOtherAndEachSideMarksTheOthersMessagesRead() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG");
        String phone = Fixtures.device(API, "T-MSG").token();

        Message asked = send(phone, household, "  Wanneer moeten we naar de huisarts?\r\nWe hebben nog geen afspraak.  ");
        assertEquals(MessageAuthor.HOUSEHOLD, asked.from());
        assertEquals("Wanneer moeten we naar de huisarts?\nWe hebben nog geen afspraak.", asked.text());
        assertNull(asked.authorName());
        Message answered = send(officer, household, "U kunt de huisarts zelf bellen. Ik help u maandag.");
        assertEquals(MessageAuthor.OFFICER, answered.from());
        assertEquals("Officer Testdorp", answered.authorName());

        List<Message> seen = conversation(phone, household);
        assertTrue(seen.indexOf(asked) < seen.indexOf(answered), "oldest first: " + seen);

        assertEquals(204, API.post("/api/households/" + household + "/messages/read", phone,
                Map.of("upTo", answered.id())).status());
        Message readByFamily = find(conversation(officer, household), answered.id());
        assertNotNull(readByFamily.readAt());
        assertEquals(answered.version() + 1, readByFamily.version());
        assertNull(find(conversation(officer, household), asked.id()).readAt(), "the family does not read its own");

        assertEquals(204, API.post("/api/households/" + household + "/messages/read", officer,
                Map.of("upTo", answered.id())).status());
        assertNotNull(find(conversation(phone, household), asked.id()).readAt());
        assertEquals(readByFamily, find(conversation(phone, household), answered.id()), "read once, not again");
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'message.list'"
                + " AND household_id = ?", household) > 0);
    }

    @Test
    void everyMessageEndpointAnswersOnlyThoseInTheConversation() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG");
        long before = count(household);
        String path = "/api/households/" + household + "/messages";
        Map<String, String> text = Map.of("text", "Hallo");

        for (String outsider : List.of(API.login(Fixtures.OTHER_OFFICER), API.login(Fixtures.BUDDY),
                Fixtures.device(API, "T-ASK-OFFICER").token())) {
            API.get(path, outsider).problem(404);
            API.post(path, outsider, text).problem(404);
            API.post(path + "/read", outsider, Map.of("upTo", "x")).problem(404);
        }
        for (String staff : List.of(API.login(Fixtures.EDITOR), API.login(Fixtures.ADMIN))) {
            API.get(path, staff).problem(403);
            API.post(path, staff, text).problem(403);
            API.post(path + "/read", staff, Map.of("upTo", "x")).problem(403);
            API.get("/api/conversations", staff).problem(403);
        }
        API.get(path, null).problem(401);
        API.post(path, null, text).problem(401);
        API.post(path + "/read", null, Map.of("upTo", "x")).problem(401);
        API.get("/api/conversations", null).problem(401);
        API.get("/api/conversations", Fixtures.device(API, "T-MSG").token()).problem(403);
        assertTrue(inbox(API.login(Fixtures.OTHER_OFFICER)).stream()
                .noneMatch(row -> row.householdId().equals(household)));

        assertEquals(before, count(household), "nothing was sent");
    }

    @Test
    void anEmptyOrTooLongMessageOrOneWithControlCharactersIsRefusedAndNothingIsStored() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG");
        long before = count(household);
        String path = "/api/households/" + household + "/messages";

        assertTrue(API.post(path, officer, Map.of("text", "   \n ")).problem(400).detail().contains("text"));
        API.post(path, officer, Map.of()).problem(400);
        assertTrue(API.post(path, officer, Map.of("text", "a".repeat(Message.MAX_LENGTH + 1))).problem(400)
                .detail().contains("2000"));
        API.post(path, officer, Map.of("text", "bel \u0007 mij")).problem(400);
        API.post(path + "/read", officer, Map.of("upTo", "no-such-message")).problem(400);
        API.post(path + "/read", officer, Map.of()).problem(400);
        assertEquals(before, count(household));

        String longest = "\uD83D\uDE42".repeat(Message.MAX_LENGTH);
        assertEquals(longest, send(officer, household, longest).text(), "the limit counts characters, not UTF-16 units");
    }

    @Test
    void aFamilyFriendSeesOnlyWhatWasSentSinceTheirMatchStartedAndNothingAfterItEnds() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-MSG");
        String phone = Fixtures.device(API, "T-MSG").token();
        Message before = send(phone, household, "Mijn man is ziek, kunnen we de afspraak verzetten?");
        TestServer.get().update("UPDATE message SET sent_at = sent_at - 60000 WHERE id = ?", before.id());

        String match = Fixtures.match(API, officer, household, Fixtures.buddyId(API, officer, BUDDY));
        String buddy = API.login(BUDDY);
        Message after = send(phone, household, "Fijn dat u ons komt helpen!");
        Message reply = send(buddy, household, "Graag gedaan. Ik kom donderdag langs.");
        assertEquals(MessageAuthor.BUDDY, reply.from());
        assertEquals("Messenger Testdorp", reply.authorName());

        List<Message> friendSees = conversation(buddy, household);
        assertFalse(friendSees.stream().anyMatch(m -> m.id().equals(before.id())), "before the match: not theirs");
        assertTrue(friendSees.contains(after));
        assertTrue(conversation(officer, household).stream().anyMatch(m -> m.id().equals(before.id())),
                "the officer sees the whole conversation");
        API.post("/api/households/" + household + "/messages/read", buddy, Map.of("upTo", before.id())).problem(400);
        Row row = inbox(buddy).stream()
                .filter(r -> r.householdId().equals(household)).findFirst().orElseThrow();
        assertEquals(MessageAuthor.BUDDY, row.lastFrom());
        assertFalse(row.unanswered());

        Fixtures.endMatch(API, officer, match);
        API.get("/api/households/" + household + "/messages", buddy).problem(404);
        API.post("/api/households/" + household + "/messages", buddy, Map.of("text", "Hallo?")).problem(404);
        assertTrue(inbox(buddy).stream()
                .noneMatch(r -> r.householdId().equals(household)));
    }

    @Test
    void theInboxShowsUnansweredConversationsFirstTheLongestWaitingFirst() {
        String officer = API.login(Fixtures.OFFICER);
        String waiting = Fixtures.householdId(API, officer, "T-MSG");
        String answered = Fixtures.householdId(API, officer, "T-MSG-B");
        send(Fixtures.device(API, "T-MSG-B").token(), answered, "Is de taalles morgen?");
        send(officer, answered, "Ja, om 9 uur.");
        send(Fixtures.device(API, "T-MSG").token(), waiting, "Wie betaalt de tolk?");

        List<Row> inbox = inbox(officer);

        Row question = inbox.stream().filter(r -> r.householdId().equals(waiting)).findFirst().orElseThrow();
        assertTrue(question.unanswered() && question.unread() >= 1, question.toString());
        assertEquals("Family Message", question.displayName());
        assertTrue(inbox.indexOf(question) < inbox.indexOf(inbox.stream()
                .filter(r -> r.householdId().equals(answered)).findFirst().orElseThrow()), "waiting before answered");
        Row done = inbox.stream().filter(r -> r.householdId().equals(answered)).findFirst().orElseThrow();
        assertFalse(done.unanswered());
        assertEquals(MessageAuthor.OFFICER, done.lastFrom());
        int firstAnswered = inbox.indexOf(inbox.stream().filter(r -> !r.unanswered()).findFirst().orElseThrow());
        for (int i = 1; i < firstAnswered; i++) {
            assertTrue(inbox.get(i - 1).lastMessageAt().compareTo(inbox.get(i).lastMessageAt()) <= 0,
                    "the longest waiting first: " + inbox);
        }
        assertTrue(inbox.subList(firstAnswered, inbox.size()).stream().noneMatch(Row::unanswered), "unanswered first");
        for (int i = firstAnswered + 1; i < inbox.size(); i++) {
            assertTrue(inbox.get(i - 1).lastMessageAt().compareTo(inbox.get(i).lastMessageAt()) >= 0,
                    "the rest newest first: " + inbox);
        }
    }

    static Message send(String token, String household, String text) {
        Api.Response response = API.post("/api/households/" + household + "/messages", token, Map.of("text", text));
        assertEquals(201, response.status(), response.body());
        return response.as(Message.class);
    }

    static List<Message> conversation(String token, String household) {
        Api.Response response = API.get("/api/households/" + household + "/messages", token);
        assertEquals(200, response.status(), response.body());
        return response.asListOf(Message.class);
    }

    private static Message find(List<Message> messages, String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static long count(String household) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM message WHERE household_id = ?", household);
    }
}
