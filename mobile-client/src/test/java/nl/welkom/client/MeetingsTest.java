package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonObject;

import nl.welkom.client.store.StoredDocument;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.message.Message;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.Test;

/** A family friend's meeting log on the phone: written offline, tasks ticked at once, settled by the pull, quiet families. */
class MeetingsTest extends ServerTestSupport {

    /** The test clock's day in Europe/Amsterdam. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static PullResponse pageWith(long cursor, List<Household> households, List<Task> tasks, List<Meeting> meetings,
            List<String> removed) {
        return new PullResponse(cursor, false, households, tasks, Collections.<String>emptyList(), removed, null,
                Collections.<Appointment>emptyList(), Collections.<Message>emptyList(),
                Collections.<Announcement>emptyList(), meetings);
    }

    static Meeting meeting(String id, String householdId, String date, String what) {
        return new Meeting(id, householdId, date, what, Collections.<String>emptyList(), null, date + "T18:00:00Z");
    }

    /** A family friend's phone with two families, two open tasks and one done for the first. */
    private void familyFriend(List<Meeting> meetings) throws Exception {
        store.putDocument(StoredDocument.of("session", Api.GSON.toJson(Fixtures.buddySession())));
        server.enqueue(json(pageWith(3, Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()), Arrays.asList(
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 2), Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 3),
                Fixtures.otherTask(TaskStatus.OPEN, 1)), meetings, Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
    }

    @Test
    void aMeetingLoggedOfflineTicksItsOpenTasksFirstThenQueuesTheMeetingAsJson() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());

        Meetings.Entry logged = welkom.meetings().log(Fixtures.HOUSEHOLD_ID, TODAY.minusDays(2),
                "  Samen naar de bibliotheek, pasje aangevraagd  ",
                Arrays.asList(Fixtures.TASK_REGISTER, Fixtures.TASK_BANK, Fixtures.TASK_REGISTER), " Mehret wil vaker ");

        List<Mutation> outbox = store.outbox();
        assertEquals(2, outbox.size(), "one tick for the open task (the done one and the repeat queue nothing), then the meeting");
        assertEquals(MutationType.TASK_COMPLETE, outbox.get(0).type());
        assertEquals(Fixtures.TASK_REGISTER, outbox.get(0).entityId());
        assertEquals(2, outbox.get(0).baseVersion());
        Mutation m = outbox.get(1);
        assertEquals(MutationType.MEETING_LOG, m.type());
        assertEquals(Fixtures.HOUSEHOLD_ID, m.entityId());
        JsonObject value = Api.GSON.fromJson(m.value(), JsonObject.class);
        assertEquals("2026-11-21", value.get("date").getAsString());
        assertEquals("Samen naar de bibliotheek, pasje aangevraagd", value.get("what").getAsString());
        assertEquals(2, value.getAsJsonArray("taskIds").size());
        assertEquals(Fixtures.TASK_REGISTER, value.getAsJsonArray("taskIds").get(0).getAsString());
        assertEquals("Mehret wil vaker", value.get("note").getAsString());
        assertEquals(m.id(), logged.meeting().id(), "the mutation id is the meeting id");
        assertTrue(logged.pending());

        assertEquals(TaskStatus.DONE, find(welkom.journey().tasks(Fixtures.HOUSEHOLD_ID), Fixtures.TASK_REGISTER).status(),
                "the task shows done at once");
        List<Meetings.Entry> shown = welkom.meetings().of(Fixtures.HOUSEHOLD_ID);
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).pending());
        assertTrue(welkom.meetings().of(Fixtures.OTHER_HOUSEHOLD_ID).isEmpty());
    }

    @Test
    void aMeetingWithoutTasksOrNoteSendsOnlyTheDayAndWhat() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());

        welkom.meetings().log(Fixtures.OTHER_HOUSEHOLD_ID, TODAY, "Koffie gedronken", null, "   ");

        assertEquals(1, store.outbox().size());
        JsonObject value = Api.GSON.fromJson(store.outbox().get(0).value(), JsonObject.class);
        assertEquals(2, value.size(), "no taskIds, no note: " + value);
    }

    @Test
    void theLoggedMeetingIsSettledByThePullThatBringsItAndShownOnce() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());
        welkom.meetings().log(Fixtures.HOUSEHOLD_ID, TODAY, "Boodschappen gedaan", Collections.singletonList(Fixtures.TASK_REGISTER),
                null);
        Mutation tick = store.outbox().get(0);
        Mutation log = store.outbox().get(1);
        // The push answer is lost: only the tick's result comes back; the pull brings the meeting.
        server.enqueue(json(new PushResponse(Collections.singletonList(
                new MutationResult(tick.id(), MutationOutcome.APPLIED, null)))));
        server.enqueue(json(pageWith(5, Collections.<Household>emptyList(),
                Collections.singletonList(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 3)),
                Collections.singletonList(new Meeting(log.id(), Fixtures.HOUSEHOLD_ID, "2026-11-23", "Boodschappen gedaan",
                        Collections.singletonList(Fixtures.TASK_REGISTER), null, "2026-11-23T13:00:01Z")),
                Collections.<String>emptyList())));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertTrue(store.outbox().isEmpty(), "the pulled meeting settled its outbox entry");
        List<Meetings.Entry> shown = welkom.meetings().of(Fixtures.HOUSEHOLD_ID);
        assertEquals(1, shown.size());
        assertFalse(shown.get(0).pending());
        assertEquals("2026-11-23T13:00:01Z", shown.get(0).meeting().loggedAt(), "the server's copy");
    }

    @Test
    void anAppliedMeetingStaysInTheLogWhenThePullThatFollowsFails() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());
        welkom.meetings().log(Fixtures.HOUSEHOLD_ID, TODAY, "Naar de huisarts", null, null);
        Mutation log = store.outbox().get(0);
        server.enqueue(json(new PushResponse(Collections.singletonList(new MutationResult(log.id(), MutationOutcome.APPLIED, null)))));
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(503));

        assertThrows(WelkomException.class, () -> welkom.sync(SyncListener.NONE));

        List<Meetings.Entry> shown = welkom.meetings().of(Fixtures.HOUSEHOLD_ID);
        assertEquals(1, shown.size());
        assertFalse(shown.get(0).pending());
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void aMeetingMustBeOnADayNotInTheFutureWithWordsWithinTheLimitsAndTheFamilysOwnTasks() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());
        Meetings meetings = welkom.meetings();
        String max = new String(new char[Meeting.MAX_WHAT]).replace('\0', 'a');
        String emoji = new String(new char[Meeting.MAX_WHAT]).replace("\0", "😀");

        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY.plusDays(1), "Morgen", null, null));
        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, "   ", null, null));
        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, max + "a", null, null));
        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, "Koffie", null, max + "a"));
        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, "Koffie",
                Collections.singletonList(Fixtures.TASK_OTHER), null), "a task of another family");
        assertThrows(IllegalArgumentException.class, () -> meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, "Koffie",
                Arrays.asList(Fixtures.TASK_REGISTER, "no-such-task"), null));
        assertThrows(IllegalArgumentException.class, () -> meetings.log("no-such-household", TODAY, "Koffie", null, null));
        assertTrue(store.outbox().isEmpty(), "a refused meeting queues nothing, not even its valid task");
        assertEquals(TaskStatus.OPEN, find(welkom.journey().tasks(Fixtures.HOUSEHOLD_ID), Fixtures.TASK_REGISTER).status());

        meetings.log(Fixtures.HOUSEHOLD_ID, TODAY, emoji, null, max);
        assertEquals(1, store.outbox().size(), "the limits count characters (code points), not UTF-16 units");
    }

    @Test
    void aMeetingMayTickOnlyTasksTheFriendMayTickNeverTheOfficersOwn() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());
        Task officers = new Task("7a000000-0000-4000-8000-00000000000f", Fixtures.HOUSEHOLD_ID,
                nl.welkom.model.journey.JourneyStage.HOUSING_AND_REGISTRATION,
                Collections.singletonMap("nl", "Plan inburgering afronden"), nl.welkom.model.journey.TaskAssignee.OFFICER,
                null, TaskStatus.OPEN, null, null, 1, null, null, null);
        Shelf.TASKS.put(store, Collections.singletonList(officers));

        assertEquals(Collections.singletonList(Fixtures.TASK_REGISTER),
                welkom.meetings().tickable(Fixtures.HOUSEHOLD_ID).stream().map(Task::id).collect(java.util.stream.Collectors.toList()),
                "open tasks only, and never the officer's");
        assertThrows(IllegalArgumentException.class, () -> welkom.meetings().log(Fixtures.HOUSEHOLD_ID, TODAY, "Koffie",
                Arrays.asList(Fixtures.TASK_REGISTER, officers.id()), null));
        assertTrue(store.outbox().isEmpty(), "nothing queued, not even the family's task");
        assertEquals(TaskStatus.OPEN, find(welkom.journey().tasks(Fixtures.HOUSEHOLD_ID), officers.id()).status());
    }

    @Test
    void pulledMeetingsAreShownNewestFirstWithThePendingOnes() throws Exception {
        familyFriend(Arrays.asList(meeting("mt1", Fixtures.HOUSEHOLD_ID, "2026-11-01", "Fietsles"),
                meeting("mt2", Fixtures.HOUSEHOLD_ID, "2026-11-15", "Markt")));
        welkom.meetings().log(Fixtures.HOUSEHOLD_ID, TODAY.minusDays(14), "Bibliotheek", null, null);

        List<Meetings.Entry> shown = welkom.meetings().of(Fixtures.HOUSEHOLD_ID);
        assertEquals(Arrays.asList("Markt", "Bibliotheek", "Fietsles"),
                Arrays.asList(shown.get(0).meeting().what(), shown.get(1).meeting().what(), shown.get(2).meeting().what()),
                "by day; the same day: the later logged first");
        assertTrue(shown.get(1).pending());
        assertNull(shown.get(0).meeting().note());
    }

    @Test
    void aFamilyIsQuietTwentyOneDaysAfterTheLastMeetingOrWithNoneAfterItArrivedOnThePhone() throws Exception {
        familyFriend(Collections.singletonList(meeting("mt1", Fixtures.HOUSEHOLD_ID, "2026-11-10", "Fietsles")));

        assertTrue(welkom.meetings().quiet(TODAY).isEmpty(), "met 13 days ago; the other arrived today");
        assertTrue(welkom.meetings().quiet(LocalDate.of(2026, 11, 30)).isEmpty(), "20 days after the meeting");

        List<Meetings.Quiet> quiet = welkom.meetings().quiet(LocalDate.of(2026, 12, 1));
        assertEquals(1, quiet.size());
        assertEquals(Fixtures.HOUSEHOLD_ID, quiet.get(0).household().id());
        assertEquals(21, quiet.get(0).days());
        assertTrue(quiet.get(0).met());

        quiet = welkom.meetings().quiet(TODAY.plusDays(21));
        assertEquals(2, quiet.size());
        assertEquals(Fixtures.HOUSEHOLD_ID, quiet.get(0).household().id(), "longest quiet first");
        assertEquals(Fixtures.OTHER_HOUSEHOLD_ID, quiet.get(1).household().id());
        assertFalse(quiet.get(1).met(), "never met: counted from the day it arrived on this phone");
        assertEquals(TODAY, quiet.get(1).since());

        welkom.meetings().log(Fixtures.OTHER_HOUSEHOLD_ID, TODAY.minusDays(1), "Kennismaking", null, null);
        quiet = welkom.meetings().quiet(TODAY.plusDays(21));
        assertTrue(quiet.get(1).met(), "a pending meeting counts at once");
        assertEquals(TODAY.minusDays(1), quiet.get(1).since());
        assertEquals(1, welkom.meetings().quiet(TODAY.plusDays(19)).size());
    }

    @Test
    void aHouseholdsPhoneHasNoQuietFamilies() throws Exception {
        activated();
        server.enqueue(json(pageWith(3, Collections.singletonList(Fixtures.household()), Collections.<Task>emptyList(),
                null, Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        assertTrue(welkom.meetings().quiet(TODAY.plusDays(100)).isEmpty());
        assertFalse(store.record("household-arrival", Fixtures.HOUSEHOLD_ID).isPresent(), "nothing kept for it");
    }

    @Test
    void aHouseholdThatLeavesTakesItsMeetingsPendingLogAndArrivalDay() throws Exception {
        familyFriend(Collections.singletonList(meeting("mt9", Fixtures.OTHER_HOUSEHOLD_ID, "2026-11-10", "Taalcafé")));
        welkom.meetings().log(Fixtures.OTHER_HOUSEHOLD_ID, TODAY, "Zwemles", null, null);
        server.enqueue(json(new PushResponse(Collections.<MutationResult>emptyList())));
        server.enqueue(json(pageWith(4, Collections.<Household>emptyList(), Collections.<Task>emptyList(),
                Collections.<Meeting>emptyList(), Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID))));
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);

        assertTrue(welkom.meetings().of(Fixtures.OTHER_HOUSEHOLD_ID).isEmpty());
        assertTrue(store.outbox().isEmpty(), "its pending meeting went with it");
        assertFalse(store.record("household-arrival", Fixtures.OTHER_HOUSEHOLD_ID).isPresent(), "a new match starts a new count");
        assertTrue(store.record("household-arrival", Fixtures.HOUSEHOLD_ID).isPresent());
    }

    @Test
    void aMalformedMeetingFailsTheSyncAndLeavesTheStoreAsItWas() throws Exception {
        familyFriend(Collections.<Meeting>emptyList());
        long cursor = store.syncCursor();
        server.enqueue(json(pageWith(9, Collections.<Household>emptyList(), Collections.<Task>emptyList(), Arrays.asList(
                meeting("mt1", Fixtures.HOUSEHOLD_ID, "2026-11-10", "Goed"),
                meeting("mt2", Fixtures.HOUSEHOLD_ID, "vorige week", "Kapot")), Collections.<String>emptyList())));

        assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(cursor, store.syncCursor());
        assertTrue(welkom.meetings().of(Fixtures.HOUSEHOLD_ID).isEmpty(), "nothing of the page was stored");
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
