package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/** Editing tasks with no server at all: the base URL points at a port nobody listens on. */
class OfflineEditsTest {

    private InMemoryLocalStore store;
    private Welkom welkom;

    @BeforeEach
    void noServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        store = new InMemoryLocalStore();
        Shelf.SESSION.put(store, Fixtures.session());
        Shelf.TASKS.put(store, Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 8)));
        welkom = Welkom.builder().baseUrl("http://127.0.0.1:" + port).store(store)
                .clock(ServerTestSupport.CLOCK).build();
    }

    @Test
    void completeTaskWorksWithNoServerAtAll() {
        Task shown = welkom.journey().complete(Fixtures.TASK_BANK);

        assertEquals(TaskStatus.DONE, shown.status());
        assertEquals("2026-11-23T13:00:00.123Z", shown.completedAt());
        assertEquals(shown, find(welkom.journey().tasks(), Fixtures.TASK_BANK));
        assertEquals(1, welkom.pendingChanges());
        assertEquals(Collections.singleton(Fixtures.TASK_BANK), welkom.journey().pendingTaskIds());
        Mutation m = store.outbox().get(0);
        assertEquals(MutationType.TASK_COMPLETE, m.type());
        assertEquals(Fixtures.TASK_BANK, m.entityId());
        assertEquals(3L, m.baseVersion());
        assertEquals(TaskStatus.OPEN, Shelf.TASKS.get(store, Fixtures.TASK_BANK).get().status(),
                "the server copy is untouched until the server answers");
    }

    @Test
    void togglingATaskTwiceBeforeASyncQueuesBothMutationsInOrder() {
        welkom.journey().reopen(Fixtures.TASK_REGISTER);
        welkom.journey().complete(Fixtures.TASK_REGISTER);

        List<Mutation> outbox = store.outbox();
        assertEquals(2, outbox.size());
        assertEquals(MutationType.TASK_REOPEN, outbox.get(0).type());
        assertEquals(MutationType.TASK_COMPLETE, outbox.get(1).type());
        assertEquals(8L, outbox.get(1).baseVersion(), "both are based on the server's version");
        assertEquals(TaskStatus.DONE, find(welkom.journey().tasks(), Fixtures.TASK_REGISTER).status());
    }

    @Test
    void completingATaskThatAlreadyShowsDoneQueuesNothing() {
        welkom.journey().complete(Fixtures.TASK_REGISTER);
        welkom.journey().reopen(Fixtures.TASK_BANK);

        assertEquals(0, welkom.pendingChanges());
    }

    @Test
    void aNoteIsWrittenOfflineAndShownOnTopOfTheServerCopy() {
        Task shown = welkom.journey().setNote(Fixtures.TASK_BANK, "Afspraak dinsdag 10:00");

        assertEquals("Afspraak dinsdag 10:00", shown.note());
        assertEquals(shown, find(welkom.journey().tasks(), Fixtures.TASK_BANK));
        Mutation m = store.outbox().get(0);
        assertEquals(MutationType.TASK_SET_NOTE, m.type());
        assertEquals("Afspraak dinsdag 10:00", m.value());
        assertEquals(3L, m.baseVersion());
        assertNull(Shelf.TASKS.get(store, Fixtures.TASK_BANK).get().note(), "the server copy is untouched until the server answers");
    }

    @Test
    void aNoteAndATickOnTheSameTaskBothShowAndBothQueue() {
        welkom.journey().setNote(Fixtures.TASK_BANK, "bring the passport");
        welkom.journey().complete(Fixtures.TASK_BANK);
        Task shown = welkom.journey().setNote(Fixtures.TASK_BANK, "passport brought");

        assertEquals(TaskStatus.DONE, shown.status());
        assertEquals("passport brought", shown.note());
        assertEquals(3, welkom.pendingChanges());
    }

    @Test
    void theSameNoteAgainQueuesNothingAndAnEmptyNoteClearsIt() {
        welkom.journey().setNote(Fixtures.TASK_BANK, "x");
        welkom.journey().setNote(Fixtures.TASK_BANK, "x");
        assertEquals(1, welkom.pendingChanges());

        Task cleared = welkom.journey().setNote(Fixtures.TASK_BANK, "");
        assertNull(cleared.note());
        assertEquals("", store.outbox().get(1).value(), "an empty value clears the note on the server");
        welkom.journey().setNote(Fixtures.TASK_BANK, null);
        assertEquals(2, welkom.pendingChanges(), "null is the same as empty: already cleared");
    }

    @Test
    void aNoteLongerThanTheServerAcceptsIsRefusedBeforeItIsQueued() {
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < Journey.MAX_NOTE_LENGTH; i++) {
            note.append('a');
        }
        welkom.journey().setNote(Fixtures.TASK_BANK, note.toString());
        note.append('a');

        assertThrows(IllegalArgumentException.class, () -> welkom.journey().setNote(Fixtures.TASK_BANK, note.toString()));
        assertEquals(1, welkom.pendingChanges());
        assertThrows(IllegalArgumentException.class, () -> welkom.journey().setNote("no-such-task", "x"));
    }

    @Test
    void anUnknownTaskIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> welkom.journey().complete("no-such-task"));
        assertEquals(0, welkom.pendingChanges());
    }

    @Test
    void tasksAreShownInJourneyOrder() {
        Task later = new Task("t-later", Fixtures.HOUSEHOLD_ID, nl.welkom.model.journey.JourneyStage.CIVIC_INTEGRATION,
                Collections.singletonMap("nl", "Later"), null, "2026-01-01", TaskStatus.OPEN, null, null, 1, null, null, null);
        Task noDeadline = new Task("t-none", Fixtures.HOUSEHOLD_ID, nl.welkom.model.journey.JourneyStage.ARRIVAL,
                Collections.singletonMap("nl", "Geen datum"), null, null, TaskStatus.OPEN, null, null, 1, null, null, null);
        Task early = new Task("t-early", Fixtures.HOUSEHOLD_ID, nl.welkom.model.journey.JourneyStage.ARRIVAL,
                Collections.singletonMap("nl", "Vroeg"), null, "2026-12-01", TaskStatus.OPEN, null, null, 1, null, null, null);
        Shelf.TASKS.put(store, Arrays.asList(later, noDeadline, early));

        List<Task> tasks = welkom.journey().tasks();

        assertEquals("t-early", tasks.get(0).id());
        assertEquals("t-none", tasks.get(1).id());
        assertEquals("t-later", tasks.get(tasks.size() - 1).id());
    }

    @Test
    void syncWithNoServerIsAnOfflineExceptionAndKeepsTheEdit() {
        welkom.journey().complete(Fixtures.TASK_BANK);

        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));
        assertThrows(WelkomOfflineException.class, () -> welkom.refreshContent());

        assertEquals(1, welkom.pendingChanges());
        assertEquals(TaskStatus.DONE, find(welkom.journey().tasks(), Fixtures.TASK_BANK).status());
    }

    private static Task find(List<Task> tasks, String id) {
        for (Task t : tasks) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no task " + id);
    }
}
