package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.Test;

/** Conversations on the phone: pulled, written offline and sent once, read marks, scope. */
class MessagesTest extends ServerTestSupport {

    static Message message(String id, String householdId, MessageAuthor from, String name, String text, String sentAt,
            String readAt) {
        return new Message(id, householdId, from, name, text, null, sentAt, readAt, 1);
    }

    static PullResponse pageWith(long cursor, List<Household> households, List<Message> messages, List<String> removed) {
        return new PullResponse(cursor, false, households, Collections.<Task>emptyList(), Collections.<String>emptyList(),
                removed, null, Collections.<Appointment>emptyList(), messages, Collections.<Announcement>emptyList(), null);
    }

    private void household() throws Exception {
        activated();
        server.enqueue(json(pageWith(3, Collections.singletonList(Fixtures.household()), Arrays.asList(
                message("m2", Fixtures.HOUSEHOLD_ID, MessageAuthor.OFFICER, "Sanne de Vries", "Welkom in Zwolle!",
                        "2026-11-20T10:00:00Z", null),
                message("m1", Fixtures.HOUSEHOLD_ID, MessageAuthor.HOUSEHOLD, null, "Wanneer komt de huisarts?",
                        "2026-11-19T10:00:00Z", "2026-11-19T12:00:00Z")), Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
    }

    @Test
    void pulledMessagesAreStoredOldestFirstWithWhoWroteThemAndWhatIsUnread() throws Exception {
        household();

        List<Messages.Entry> conversation = welkom.messages().conversation(Fixtures.HOUSEHOLD_ID);
        assertEquals(2, conversation.size());
        assertEquals("m1", conversation.get(0).message().id(), "oldest first");
        assertTrue(conversation.get(0).mine());
        assertTrue(conversation.get(0).readByOtherSide());
        assertFalse(conversation.get(1).mine());
        assertEquals("Sanne de Vries", conversation.get(1).message().authorName());
        assertEquals(1, welkom.messages().unread(Fixtures.HOUSEHOLD_ID), "the officer's message is unread");
        assertEquals(1, welkom.messages().unreadTotal());
    }

    @Test
    void aMessageWrittenOfflineIsQueuedOnceShownPendingAndShownOnceWhenThePullBringsIt() throws Exception {
        household();

        Messages.Entry sent = welkom.messages().send(Fixtures.HOUSEHOLD_ID, "  Dank u, tot dinsdag.  ");

        assertTrue(sent.pending());
        assertEquals(1, store.outbox().size());
        Mutation m = store.outbox().get(0);
        assertEquals(MutationType.MESSAGE_SEND, m.type());
        assertEquals(Fixtures.HOUSEHOLD_ID, m.entityId());
        assertEquals("Dank u, tot dinsdag.", m.value());
        assertEquals(m.id(), sent.message().id(), "the mutation id is the message id");
        List<Messages.Entry> shown = welkom.messages().conversation(Fixtures.HOUSEHOLD_ID);
        assertEquals(3, shown.size());
        assertTrue(shown.get(2).pending(), "pending, at the bottom");

        // The push fails to answer (a lost response): the pull brings the message all the same.
        server.enqueue(json(new PushResponse(Collections.<MutationResult>emptyList())));
        server.enqueue(json(pageWith(4, Collections.<Household>emptyList(), Collections.singletonList(
                message(m.id(), Fixtures.HOUSEHOLD_ID, MessageAuthor.HOUSEHOLD, null, "Dank u, tot dinsdag.",
                        "2026-11-23T13:00:01Z", null)), Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        List<Messages.Entry> after = welkom.messages().conversation(Fixtures.HOUSEHOLD_ID);
        assertEquals(3, after.size(), "shown once, not twice");
        assertFalse(after.get(2).pending());
        assertTrue(store.outbox().isEmpty(), "the message that arrived settles its outbox entry");
    }

    @Test
    void aPendingMessageStaysWhenThePushFails() throws Exception {
        household();
        welkom.messages().send(Fixtures.HOUSEHOLD_ID, "Hallo");
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(503));

        assertThrows(WelkomException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(1, store.outbox().size());
        assertTrue(welkom.messages().conversation(Fixtures.HOUSEHOLD_ID).get(2).pending());
    }

    @Test
    void aMessageMustHaveTextAndAtMostTheLimitCountedInCodePoints() throws Exception {
        household();
        StringBuilder max = new StringBuilder();
        for (int i = 0; i < Message.MAX_LENGTH; i++) {
            max.appendCodePoint(0x1F600); // two chars each, one code point
        }
        assertThrows(IllegalArgumentException.class, () -> welkom.messages().send(Fixtures.HOUSEHOLD_ID, "   "));
        assertThrows(IllegalArgumentException.class, () -> welkom.messages().send(Fixtures.HOUSEHOLD_ID, max + "x"));
        assertThrows(IllegalArgumentException.class, () -> welkom.messages().send("unknown", "Hallo"));
        assertTrue(store.outbox().isEmpty(), "a refused message queues nothing");
        welkom.messages().send(Fixtures.HOUSEHOLD_ID, max.toString());
        assertEquals(1, store.outbox().size());
    }

    @Test
    void markingReadQueuesOneReadMarkForTheNewestAndUnreadDropsAtOnce() throws Exception {
        household();

        assertTrue(welkom.messages().markRead(Fixtures.HOUSEHOLD_ID));
        assertFalse(welkom.messages().markRead(Fixtures.HOUSEHOLD_ID), "nothing more to mark");

        assertEquals(0, welkom.messages().unread(Fixtures.HOUSEHOLD_ID));
        assertEquals(1, store.outbox().size());
        assertEquals(MutationType.MESSAGE_READ, store.outbox().get(0).type());
        assertEquals(Fixtures.HOUSEHOLD_ID, store.outbox().get(0).entityId());
        assertEquals("m2", store.outbox().get(0).value());
    }

    @Test
    void aQuestionAboutALessonShowsAsAPendingMessageWithItsLesson() throws Exception {
        household();
        welkom.lessons().ask("lesson-gp", "Moet ik de huisarts zelf betalen?");

        Messages.Entry question = welkom.messages().conversation(Fixtures.HOUSEHOLD_ID).get(2);
        assertTrue(question.pending());
        assertEquals("lesson-gp", question.message().lessonId());
        assertEquals("Moet ik de huisarts zelf betalen?", question.message().text());
    }

    @Test
    void aHouseholdThatLeavesTheScopeTakesItsConversationAndPendingMessages() throws Exception {
        store.putDocument(nl.welkom.client.store.StoredDocument.of("session", Api.GSON.toJson(Fixtures.buddySession())));
        server.enqueue(json(pageWith(3, Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()), Arrays.asList(
                message("m1", Fixtures.HOUSEHOLD_ID, MessageAuthor.HOUSEHOLD, null, "Hallo Joost", "2026-11-19T10:00:00Z", null),
                message("m9", Fixtures.OTHER_HOUSEHOLD_ID, MessageAuthor.HOUSEHOLD, null, "Salaam", "2026-11-19T10:00:00Z",
                        null)), Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
        assertEquals(2, welkom.messages().unreadTotal(), "a family friend reads the families' messages");
        welkom.messages().send(Fixtures.OTHER_HOUSEHOLD_ID, "Tot morgen");
        assertFalse(welkom.messages().conversation(Fixtures.OTHER_HOUSEHOLD_ID).get(0).mine());
        assertTrue(welkom.messages().conversation(Fixtures.OTHER_HOUSEHOLD_ID).get(1).mine());

        server.enqueue(json(new PushResponse(Collections.<MutationResult>emptyList())));
        server.enqueue(json(pageWith(4, Collections.<Household>emptyList(), Collections.<Message>emptyList(),
                Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID))));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        assertTrue(welkom.messages().conversation(Fixtures.OTHER_HOUSEHOLD_ID).isEmpty());
        assertTrue(store.outbox().isEmpty(), "its pending message went with it");
        assertEquals(1, welkom.messages().conversation(Fixtures.HOUSEHOLD_ID).size());
    }

    @Test
    void aMalformedMessageFailsTheSyncAndLeavesTheStoreAsItWas() throws Exception {
        household();
        long cursor = store.syncCursor();
        server.enqueue(json(pageWith(9, Collections.singletonList(Fixtures.household()), Arrays.asList(
                message("m3", Fixtures.HOUSEHOLD_ID, MessageAuthor.OFFICER, "Sanne", "Goed", "2026-11-21T10:00:00Z", null),
                message("m4", Fixtures.HOUSEHOLD_ID, MessageAuthor.OFFICER, "Sanne", "Kapot", "gisteren", null)),
                Collections.<String>emptyList())));

        assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(cursor, store.syncCursor());
        assertEquals(2, welkom.messages().conversation(Fixtures.HOUSEHOLD_ID).size(), "nothing of the page was stored");
    }

    @Test
    void aFamilyFriendsSyncMakesNoExtraRequestForQuestions() throws Exception {
        store.putDocument(nl.welkom.client.store.StoredDocument.of("session", Api.GSON.toJson(Fixtures.buddySession())));
        server.enqueue(json(pageWith(3, Collections.singletonList(Fixtures.household()), Collections.<Message>emptyList(),
                Collections.<String>emptyList())));
        server.enqueue(notModified());

        SyncResult result = welkom.sync(SyncListener.NONE);

        assertEquals(2, result.requests(), "the pull and the content check, no GET /api/questions");
        assertTrue(take().getPath().startsWith("/api/sync/pull"));
        assertFalse(take().getPath().startsWith("/api/questions"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aDeliveredMessageStaysInTheConversationWhenThePullThatFollowsFails() throws Exception {
        household();
        welkom.messages().send(Fixtures.HOUSEHOLD_ID, "Hallo");
        Mutation m = store.outbox().get(0);
        server.enqueue(json(new PushResponse(Collections.singletonList(
                new MutationResult(m.id(), nl.welkom.model.sync.MutationOutcome.APPLIED, null)))));
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(503));

        assertThrows(WelkomException.class, () -> welkom.sync(SyncListener.NONE));

        List<Messages.Entry> shown = welkom.messages().conversation(Fixtures.HOUSEHOLD_ID);
        assertEquals(3, shown.size(), "sent, not lost from view");
        assertFalse(shown.get(2).pending());
        assertEquals("Hallo", shown.get(2).message().text());
        assertTrue(store.outbox().isEmpty());
    }
}
