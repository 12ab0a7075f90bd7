package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.Test;

/** Announcements on a household's phone: new once, kept until they expire, gone when withdrawn. */
class AnnouncementsTest extends ServerTestSupport {

    static Announcement announcement(String id, String publishedAt, String expiresOn, TranslationState state,
            boolean withdrawn, long version) {
        return new Announcement(id, "Spreekuur verzet", "Het spreekuur is deze week op donderdag.", "nl", state,
                publishedAt, expiresOn, withdrawn, version);
    }

    private static PullResponse pageWith(long cursor, List<Announcement> announcements) {
        return new PullResponse(cursor, false, Collections.<Household>emptyList(), Collections.<Task>emptyList(),
                Collections.<String>emptyList(), Collections.<String>emptyList(), null, Collections.<Appointment>emptyList(),
                Collections.<Message>emptyList(), announcements, null);
    }

    private void pull(long cursor, Announcement... announcements) throws Exception {
        server.enqueue(json(pageWith(cursor, Arrays.asList(announcements))));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
    }

    @Test
    void anAnnouncementIsFreshExactlyOnceAndLiveNewestFirst() throws Exception {
        activated();
        pull(3, announcement("an-1", "2026-11-20T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, false, 1),
                announcement("an-2", "2026-11-22T09:00:00Z", "2026-12-31", TranslationState.MACHINE_DRAFTED, false, 1));

        List<Announcements.Item> live = welkom.announcements().live();
        assertEquals(Arrays.asList("an-2", "an-1"), Arrays.asList(live.get(0).announcement().id(),
                live.get(1).announcement().id()), "newest first");
        assertTrue(live.get(0).machineDrafted(), "a machine-drafted translation says so");
        assertFalse(live.get(1).machineDrafted());
        assertEquals(2, welkom.announcements().fresh().size());

        welkom.announcements().markShown("an-2");
        assertEquals(1, welkom.announcements().fresh().size());
        // The same announcement arriving again (a changed translation) is not new again.
        pull(4, announcement("an-2", "2026-11-22T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, false, 2));
        assertEquals(Collections.singletonList("an-1"), Arrays.asList(welkom.announcements().fresh().get(0).announcement().id()));
        assertFalse(welkom.announcements().live().get(0).machineDrafted(), "the reviewed version replaced it");
    }

    @Test
    void anAnnouncementIsShownUpToAndIncludingItsLastDayInAmsterdam() throws Exception {
        activated();
        pull(3, announcement("an-1", "2026-11-20T09:00:00Z", "2026-11-30", TranslationState.UP_TO_DATE, false, 1));

        assertEquals(1, welkom.announcements().live(LocalDate.parse("2026-11-30")).size(), "its last day");
        assertTrue(welkom.announcements().live(LocalDate.parse("2026-12-01")).isEmpty(), "expired");
    }

    @Test
    void anExpiredAnnouncementIsPrunedAndAWithdrawnOneRemoved() throws Exception {
        activated();
        // The phone's clock says 23 November 2026.
        pull(3, announcement("an-1", "2026-11-20T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, false, 1),
                announcement("an-old", "2026-11-01T09:00:00Z", "2026-11-22", TranslationState.UP_TO_DATE, false, 1));
        assertEquals(1, welkom.announcements().live(LocalDate.parse("2026-11-01")).size(), "the expired one is not kept");

        pull(4, announcement("an-1", "2026-11-20T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, true, 2));

        assertTrue(welkom.announcements().live().isEmpty(), "withdrawn: gone");
        assertTrue(welkom.announcements().fresh().isEmpty());
    }

    @Test
    void anAnnouncementWithoutAValidExpiryFailsTheSyncAndKeepsWhatWasThere() throws Exception {
        activated();
        pull(3, announcement("an-1", "2026-11-20T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, false, 1));
        server.enqueue(json(pageWith(4, Collections.singletonList(
                announcement("an-2", "2026-11-22T09:00:00Z", "eind december", TranslationState.UP_TO_DATE, false, 1)))));

        assertThrows(WelkomApiException.class, () -> welkom.sync(SyncListener.NONE));

        assertEquals(3, store.syncCursor());
        assertEquals(1, welkom.announcements().live().size());
    }

    @Test
    void anOlderServerWithoutMessagesOrAnnouncementsMeansNone() throws Exception {
        activated();
        server.enqueue(json(pageWith(3, null)));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
        assertTrue(welkom.announcements().live().isEmpty());
        assertEquals(0, welkom.messages().unreadTotal());
    }

    @Test
    void signingOutForgetsTheAnnouncements() throws Exception {
        activated();
        pull(3, announcement("an-1", "2026-11-20T09:00:00Z", "2026-12-31", TranslationState.UP_TO_DATE, false, 1));
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
        welkom.signOut();
        assertTrue(welkom.announcements().live().isEmpty());
    }
}
