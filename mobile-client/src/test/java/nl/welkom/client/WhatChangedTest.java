package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PushResponse;

/** After a sync the reader hears what changed: tasks someone else changed, new tasks — never their own edits coming back. */
class WhatChangedTest extends ServerTestSupport {

    private static final String TASK_NEW = "7a000000-0000-4000-8000-000000000009";

    private static Task withNote(Task t, String note, long version) {
        return new Task(t.id(), t.householdId(), t.stage(), t.titles(), t.assignee(), t.dueDate(), t.status(),
                t.completedAt(), note, version, "OFFICER", "Sanne de Vries", "2026-11-23T12:00:00Z");
    }

    @Test
    void aSyncSaysWhichTasksSomeoneElseChangedAndWhichAreNewButNotTheReadersOwnEdits() throws Exception {
        activated();
        Task register = Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 1);
        Task bank = Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1);
        server.enqueue(json(page(5, false, Fixtures.household(), Arrays.asList(register, bank),
                Collections.<String>emptyList())));
        server.enqueue(json(Fixtures.pack("v1", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v1\""));
        SyncResult first = welkom.sync(SyncListener.NONE);
        assertEquals(List.of(), first.changedTaskIds(), "the first sync brings everything: nothing is news");
        assertEquals(List.of(), first.newTaskIds());

        welkom.journey().complete(Fixtures.TASK_BANK);   // the reader's own edit
        String mutationId = store.outbox().get(0).id();
        server.enqueue(json(new PushResponse(List.of(new MutationResult(mutationId, MutationOutcome.APPLIED, null)))));
        Task bankDone = new Task(bank.id(), bank.householdId(), bank.stage(), bank.titles(), bank.assignee(), bank.dueDate(),
                TaskStatus.DONE, "2026-11-23T13:00:00Z", null, 2, null, null, null);
        Task fresh = Fixtures.task(TASK_NEW, TaskStatus.OPEN, 1);
        server.enqueue(json(page(9, false, null, Arrays.asList(withNote(register, "Bring your passport", 2), bankDone, fresh),
                Collections.<String>emptyList())));
        server.enqueue(notModified());

        SyncResult second = welkom.sync(SyncListener.NONE);

        assertEquals(List.of(Fixtures.TASK_REGISTER), second.changedTaskIds(), "the officer's note, not the own tick");
        assertEquals(List.of(TASK_NEW), second.newTaskIds());
        assertEquals(second.changedTaskIds(), welkom.lastSync().get().changedTaskIds(), "kept for the home screen");
    }
}
