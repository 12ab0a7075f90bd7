package nl.welkom.client;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/** Wire objects for tests, shaped like the demo data. */
public final class Fixtures {

    public static final String HOUSEHOLD_ID = "6f1c2a7e-0000-4000-8000-000000000001";
    public static final String TASK_REGISTER = "7a000000-0000-4000-8000-000000000001";
    public static final String TASK_BANK = "7a000000-0000-4000-8000-000000000002";
    /** A second household, as a buddy's phone holds several. */
    public static final String OTHER_HOUSEHOLD_ID = "6f1c2a7e-0000-4000-8000-000000000002";
    public static final String TASK_OTHER = "7b000000-0000-4000-8000-000000000003";

    private Fixtures() {
    }

    public static Session session() {
        return new Session("token-abc", Role.NEWCOMER, "m-zwolle", "Gemeente Zwolle", "Familie Haile",
                HOUSEHOLD_ID, "device-1", "2027-11-23T13:00:00Z");
    }

    public static Session buddySession() {
        return new Session("token-buddy", Role.BUDDY, "m-zwolle", "Gemeente Zwolle", "Joost Bakker",
                null, null, "2026-12-23T13:00:00Z");
    }

    /** The second household with the minimal fields a buddy sees. */
    public static Household otherHousehold() {
        return new Household(OTHER_HOUSEHOLD_ID, "m-zwolle", null, "Familie Al-Khatib", null, null, null,
                JourneyStage.CIVIC_INTEGRATION, Collections.singletonList("ar"),
                Collections.singletonList(new Member("member-9", "Rania", null, Collections.singletonList("ar"))), 2, null);
    }

    /** A task of {@link #otherHousehold()}. */
    public static Task otherTask(TaskStatus status, long version) {
        Task t = task(TASK_OTHER, status, version);
        return new Task(t.id(), OTHER_HOUSEHOLD_ID, t.stage(), t.titles(), t.assignee(), t.dueDate(), t.status(),
                t.completedAt(), t.note(), t.version(), t.noteByRole(), t.noteByName(), t.noteAt());
    }

    public static Task withNote(Task t, String note) {
        return new Task(t.id(), t.householdId(), t.stage(), t.titles(), t.assignee(), t.dueDate(), t.status(),
                t.completedAt(), note, t.version(), null, null, null);
    }

    public static Household household() {
        return new Household(HOUSEHOLD_ID, "m-zwolle", "WLK-2026-0001", "Familie Haile", "ER",
                "Adi Harush, Ethiopia", ArrivalPath.DIRECT, JourneyStage.HOUSING_AND_REGISTRATION,
                Arrays.asList("ti", "en"),
                Collections.singletonList(new Member("member-1", "Mehret", 1991, Arrays.asList("ti", "en"))), 4, null);
    }

    public static Task task(String id, TaskStatus status, long version) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("nl", "Inschrijven bij de gemeente " + id.substring(id.length() - 1));
        titles.put("en", "Register at the town hall " + id.substring(id.length() - 1));
        titles.put("ar", "التسجيل في البلدية " + id.substring(id.length() - 1));
        return new Task(id, HOUSEHOLD_ID, JourneyStage.HOUSING_AND_REGISTRATION, titles, TaskAssignee.FAMILY,
                "2026-11-30", status, status == TaskStatus.DONE ? "2026-11-20T10:00:00Z" : null, null, version, null, null, null);
    }

    public static Mutation mutation(String id, String taskId, MutationType type, long baseVersion) {
        return new Mutation(id, type, taskId, baseVersion, "2026-11-23T13:00:00Z", null);
    }

    public static Mutation note(String id, String taskId, String value, long baseVersion) {
        return new Mutation(id, MutationType.TASK_SET_NOTE, taskId, baseVersion, "2026-11-23T13:00:00Z", value);
    }

    public static ContentPack pack(String version, List<String> chain) {
        Section arabic = new Section("s-1", 1, "ar", "ماذا يفعل طبيب العائلة؟",
                "طبيب العائلة هو طبيبك الأول.\nاتصل به أولاً.", TranslationState.MACHINE_DRAFTED);
        Section fallback = new Section("s-2", 2, "en", "An appointment",
                "Call the **practice** in the morning.", TranslationState.MISSING);
        Lesson lesson = new Lesson("lesson-gp", "the-gp", 1, "ar", "طبيب العائلة",
                "عندما تمرض، تذهب أولاً إلى طبيب العائلة.", TranslationState.MACHINE_DRAFTED,
                Arrays.asList(arabic, fallback));
        Topic topic = new Topic("topic-health", "health-care", 1, JourneyStage.HOUSING_AND_REGISTRATION, "ar",
                "الرعاية الصحية", Collections.singletonList(lesson));
        List<Language> directory = Arrays.asList(
                new Language("ar", "Arabic", "العربية", TextDirection.RTL),
                new Language("en", "English", "English", TextDirection.LTR),
                new Language("nl", "Dutch", "Nederlands", TextDirection.LTR),
                new Language("syr", "Syriac", "ܠܫܢܐ ܣܘܪܝܝܐ", TextDirection.RTL));
        return new ContentPack(chain, version, directory, Collections.singletonList(topic));
    }

    // ---- reading documents ----------------------------------------------------------------

    public static Course course(String version) {
        QuizQuestion question = new QuizQuestion("rain", "ar", "متى؟", Arrays.asList("أ", "ب", "ج"), 1, "لأن",
                TranslationState.MACHINE_DRAFTED);
        CourseLesson lesson = new CourseLesson("lesson-1", "weather", 1, "ar", "الطقس", TranslationState.MACHINE_DRAFTED,
                Collections.singletonList(question));
        return new Course("course-1", "pre-departure", Arrays.asList("ar", "nl"), version, "ar", "قبل المغادرة", null,
                TranslationState.MACHINE_DRAFTED, Collections.singletonList(lesson));
    }

    public static Phrasebook phrasebook(String version) {
        Phrase phrase = new Phrase("good-morning", "Goedemorgen!", "ar", "صباح الخير!", TranslationState.MACHINE_DRAFTED,
                "خُودِه مُورْخِن", null);
        return new Phrasebook(Arrays.asList("ar", "nl"), version, Collections.singletonList(
                new PhraseCategory("greetings", "ar", "التحيات", TranslationState.MACHINE_DRAFTED,
                        Collections.singletonList(phrase))));
    }

    public static Places places(String version) {
        Place townHall = new Place("p-1", PlaceCategory.TOWN_HALL, "Stadskantoor Zwolle", "Lübeckplein 2", "8017 JZ",
                "Zwolle", "14 038", 52.5, 6.1, "ar", "مكتب البلدية.", "بموعد.", TranslationState.MACHINE_DRAFTED);
        Place gp = new Place("p-2", PlaceCategory.GP_PRACTICE, "Uw huisartsenpraktijk", null, null, null, null, null,
                null, "nl", "Uw huisarts.", null, TranslationState.MISSING);
        return new Places("m-1", Arrays.asList("ar", "nl"), version, Arrays.asList(townHall, gp));
    }


    /** Puts appointments on a phone as a pull would (for screen tests outside this package). */
    public static void storeAppointments(nl.welkom.client.store.LocalStore store,
            List<nl.welkom.model.appointment.Appointment> appointments) {
        Shelf.APPOINTMENTS.put(store, appointments);
        for (nl.welkom.model.appointment.Appointment a : appointments) {
            Shelf.APPOINTMENTS_SEEN.put(store, Collections.singletonList(
                    new AppointmentSeen(a.id(), a.householdId(), a.sequence(), Collections.<String>emptyList())));
        }
    }

    /** Puts households, messages and announcements on a phone as a pull would (for screen tests outside this package). */
    public static void storeConversation(nl.welkom.client.store.LocalStore store, List<Household> households,
            List<nl.welkom.model.message.Message> messages, List<nl.welkom.model.announcement.Announcement> announcements) {
        Shelf.HOUSEHOLDS.put(store, households);
        Shelf.MESSAGES.put(store, messages);
        Shelf.ANNOUNCEMENTS.put(store, announcements);
    }

    /**
     * Puts a family friend's phone as a pull would: households, tasks and meetings, each household
     * arrived on {@code arrivedOn} (for screen tests outside this package).
     */
    public static void storeFamilyFriendPhone(nl.welkom.client.store.LocalStore store, List<Household> households,
            List<Task> tasks, List<nl.welkom.model.buddy.Meeting> meetings, String arrivedOn) {
        Shelf.SESSION.put(store, buddySession());
        Shelf.HOUSEHOLDS.put(store, households);
        Shelf.TASKS.put(store, tasks);
        Shelf.MEETINGS.put(store, meetings);
        List<HouseholdArrival> arrivals = new java.util.ArrayList<>();
        for (Household h : households) {
            arrivals.add(new HouseholdArrival(h.id(), arrivedOn));
        }
        Shelf.ARRIVALS.put(store, arrivals);
    }

    /** Puts a household's own phone as a pull would: the session and the household (for screen tests outside this package). */
    public static void storeHouseholdPhone(nl.welkom.client.store.LocalStore store, Household household) {
        Shelf.SESSION.put(store, session());
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(household));
    }
}
