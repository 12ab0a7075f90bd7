package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import nl.welkom.client.Fixtures;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.FamilyFriend;
import nl.welkom.model.household.Household;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/** The family friend's meeting log and the home screens' family-friend lines, in the reader's language. */
class MeetingLogScreenTest {

    private static final Bundle BUNDLE = Bundle.load(Bundle.COMPANION);
    private static final String TASK_LIBRARY = "7c000000-0000-4000-8000-000000000009";

    private final InMemoryLocalStore store = new InMemoryLocalStore();
    private final Welkom welkom = Welkom.builder().baseUrl("http://localhost:1/").store(store)
            .clock(Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC)).build();

    /** A task the family friend helps with: a library card. */
    private static Task libraryTask() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("nl", "Bibliotheekpas aanvragen");
        titles.put("en", "Get a library card");
        titles.put("ar", "الحصول على بطاقة المكتبة");
        return new Task(TASK_LIBRARY, Fixtures.HOUSEHOLD_ID, JourneyStage.HOUSING_AND_REGISTRATION, titles,
                TaskAssignee.BUDDY, null, TaskStatus.OPEN, null, null, 1, null, null, null);
    }

    private void familyFriendPhone(List<Meeting> meetings, String arrivedOn) {
        Fixtures.storeFamilyFriendPhone(store, Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()),
                Arrays.asList(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 2),
                        Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 2), libraryTask()),
                meetings, arrivedOn);
    }

    private String run(String language, String input, BiConsumer<Ui, Welkom> screen) {
        welkom.setLanguages(Arrays.asList(language, "en"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Ui ui = new Ui(new Terminal(out, 200), new BufferedReader(new StringReader(input)), false, welkom, BUNDLE);
        try {
            screen.accept(ui, welkom);
        } catch (Ui.EndOfInput e) {
            // the script ended
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDutchFamilyFriendSeesTheMeetingsAndLogsOneWithTheTaskTheyHelpWithListedFirst() {
        familyFriendPhone(Collections.singletonList(new Meeting("mt1", Fixtures.HOUSEHOLD_ID, "2026-11-10",
                "Samen naar de markt", Collections.singletonList(Fixtures.TASK_BANK), "Mehret wil fietsen leren",
                "2026-11-10T18:00:00Z")), "2026-11-01");

        // Familie Haile → log → 2 days ago → what → task 1 (the library card, listed first) → a note → back, back.
        String screen = run("nl", "1\n1\n2\nNaar de bibliotheek\n1\nPasje is er\n\n\n",
                (ui, w) -> new MeetingLogScreen(ui, w).show());

        assertTrue(screen.contains("Ontmoetingen met \u2068Familie Haile\u2069"), screen);
        assertTrue(screen.contains("Samen naar de markt"), screen);
        assertTrue(screen.contains("Verder geholpen: \u2068Inschrijven bij de gemeente 2\u2069"), screen);
        assertTrue(screen.contains("Notitie voor de coördinator: \u2068Mehret wil fietsen leren\u2069"), screen);
        assertTrue(screen.indexOf("★ \u2068Bibliotheekpas aanvragen") < screen.indexOf("Inschrijven bij de gemeente 1"),
                "the task the family friend helps with first:\n" + screen);
        assertFalse(screen.contains("  \u2068Inschrijven bij de gemeente 2"), "a done task is not offered:\n" + screen);
        assertTrue(screen.contains("Opgeslagen op deze telefoon."), screen);
        assertTrue(screen.contains("\u20682026-11-21\u2069 · "), "the new meeting shows in the log, pending:\n" + screen);
        for (String english : new String[] { "Meetings with", "Log a meeting", "What did you do together" }) {
            assertFalse(screen.contains(english), english + " in " + screen);
        }

        List<Mutation> outbox = store.outbox();
        assertEquals(Arrays.asList(MutationType.TASK_COMPLETE, MutationType.MEETING_LOG),
                Arrays.asList(outbox.get(0).type(), outbox.get(1).type()));
        assertEquals(TASK_LIBRARY, outbox.get(0).entityId());
        JsonObject value = new com.google.gson.Gson().fromJson(outbox.get(1).value(), JsonObject.class);
        assertEquals("2026-11-21", value.get("date").getAsString());
        assertEquals("Naar de bibliotheek", value.get("what").getAsString());
        assertEquals("Pasje is er", value.get("note").getAsString());
        assertEquals(2, welkom.meetings().of(Fixtures.HOUSEHOLD_ID).size());
    }

    @Test
    void theOfficersOwnTaskIsNotOfferedForAMeetingBecauseOnlyAnOfficerTicksIt() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("nl", "Plan inburgering afronden");
        titles.put("en", "Finalise the integration plan");
        Task officers = new Task("7c000000-0000-4000-8000-00000000000a", Fixtures.HOUSEHOLD_ID,
                JourneyStage.HOUSING_AND_REGISTRATION, titles, TaskAssignee.OFFICER, null, TaskStatus.OPEN, null, null, 1,
                null, null, null);
        Fixtures.storeFamilyFriendPhone(store, Collections.singletonList(Fixtures.household()),
                Arrays.asList(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 2), libraryTask(), officers),
                Collections.<Meeting>emptyList(), "2026-11-01");

        // Familie Haile (the only family) → log → today → what → task 3 (there are only two) → task 2 → no note.
        String screen = run("en", "1\n0\nSamen koken\n3\n2\n\n\n\n", (ui, w) -> new MeetingLogScreen(ui, w).show());

        assertFalse(screen.contains("Finalise the integration plan"), "the officer's task is not offered:\n" + screen);
        assertTrue(screen.contains("Get a library card"), screen);
        assertTrue(screen.contains("Register at the town hall 1"), screen);
        List<Mutation> outbox = store.outbox();
        assertEquals(2, outbox.size(), outbox.toString());
        assertEquals(Fixtures.TASK_REGISTER, outbox.get(0).entityId(), "number 2 is the family's task, not the officer's");
        assertFalse(outbox.get(1).value().contains(officers.id()));
    }

    @Test
    void anArabicFamilyFriendLogsAMeetingTodayWithoutTasksAndSeesItPending() {
        familyFriendPhone(Collections.<Meeting>emptyList(), "2026-11-20");

        String screen = run("ar", "2\n1\n\nتعلمنا ركوب الدراجة\n\n\n\n\n", (ui, w) -> new MeetingLogScreen(ui, w).show());

        assertTrue(screen.contains("اللقاءات مع"), screen);
        assertTrue(screen.contains("لم يُسجَّل أي لقاء بعد."), screen);
        assertTrue(screen.contains("تسجيل لقاء"), screen);
        assertTrue(screen.contains("حُفظ على هذا الهاتف"), screen);
        assertTrue(screen.contains("تعلمنا ركوب الدراجة"), "shown in the log at once:\n" + screen);
        for (String english : new String[] { "Meetings with", "Log a meeting", "No meetings logged yet" }) {
            assertFalse(screen.contains(english), english + " in " + screen);
        }
        assertEquals(1, store.outbox().size(), "no tasks picked: only the meeting");
        assertEquals(Fixtures.OTHER_HOUSEHOLD_ID, store.outbox().get(0).entityId());
        assertTrue(welkom.meetings().of(Fixtures.OTHER_HOUSEHOLD_ID).get(0).pending());
    }

    @Test
    void aTooLongTextIsAskedAgainAndAnEmptyOneSavesNothing() {
        familyFriendPhone(Collections.<Meeting>emptyList(), "2026-11-20");
        String tooLong = new String(new char[Meeting.MAX_WHAT + 1]).replace('\0', 'x');

        String screen = run("en", "1\n1\n400\n0\n" + tooLong + "\n\n\n\n", (ui, w) -> new MeetingLogScreen(ui, w).show());

        assertTrue(screen.contains("Please type a number from 0 to 90, or just Enter."), "400 days ago is refused:\n" + screen);
        assertTrue(screen.contains("That is too long: at most 500 characters."), screen);
        assertTrue(screen.contains("Nothing saved."), screen);
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void theFamilysHomeScreenNamesItsFamilyFriendAndTheirLanguagesInDutchAndArabic() {
        Household h = Fixtures.household();
        Fixtures.storeHouseholdPhone(store, new Household(h.id(), h.municipalityId(), h.reference(), h.displayName(),
                h.nationality(), h.campOfOrigin(), h.arrivalPath(), h.stage(), h.languages(), h.members(), h.version(),
                new FamilyFriend("Joost", Arrays.asList("nl", "en"))));

        String dutch = run("nl", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertTrue(dutch.contains("Uw familievriend: \u2068Joost\u2069 — spreekt \u2068Nederlands, English\u2069"), dutch);

        String arabic = run("ar", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertTrue(arabic.contains("صديق عائلتكم: \u2068Joost\u2069 — يتحدث \u2068Nederlands, English\u2069"), arabic);
        assertFalse(arabic.contains("Your family friend"), arabic);
    }

    @Test
    void withoutAFamilyFriendTheFamilysHomeScreenSaysNothingAboutOne() {
        Fixtures.storeHouseholdPhone(store, Fixtures.household());

        String home = run("en", "0\n", (ui, w) -> new HomeScreen(ui, w).show());

        assertFalse(home.contains("Your family friend"), home);
        assertTrue(welkom.meetings().quiet(welkom.meetings().today().plusDays(100)).isEmpty());
    }

    @Test
    void aFamilyFriendsHomeScreenGentlyNamesTheFamiliesNotMetForThreeWeeks() {
        familyFriendPhone(Collections.singletonList(new Meeting("mt1", Fixtures.HOUSEHOLD_ID, "2026-11-01",
                "Samen naar de markt", null, null, "2026-11-01T18:00:00Z")), "2026-10-20");

        String english = run("en", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertTrue(english.contains("You have not logged a meeting with \u2068Familie Haile\u2069 for 3 weeks"), english);
        assertTrue(english.contains("You have not logged a meeting with \u2068Familie Al-Khatib\u2069 yet."), english);
        assertTrue(english.contains("Meeting log"), english);

        String dutch = run("nl", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertTrue(dutch.contains("U hebt al 3 weken geen ontmoeting met \u2068Familie Haile\u2069 vastgelegd"), dutch);
    }
}
