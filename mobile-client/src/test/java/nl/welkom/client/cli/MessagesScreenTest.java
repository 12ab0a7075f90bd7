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
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import nl.welkom.client.Fixtures;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;
import nl.welkom.model.sync.MutationType;

/** The messages and announcements screens speak the reader's language. */
class MessagesScreenTest {

    private static final Bundle BUNDLE = Bundle.load(Bundle.COMPANION);

    private final InMemoryLocalStore store = new InMemoryLocalStore();
    private final Welkom welkom = Welkom.builder().baseUrl("http://localhost:1/").store(store)
            .clock(Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC)).build();

    private String run(String language, String input, BiConsumer<Ui, Welkom> screen) {
        store.putDocument(StoredDocument.of("session", new com.google.gson.Gson().toJson(Fixtures.session())));
        welkom.setLanguages(Arrays.asList(language, "en"));
        Fixtures.storeConversation(store, Collections.singletonList(Fixtures.household()), Arrays.asList(
                new Message("m1", Fixtures.HOUSEHOLD_ID, MessageAuthor.HOUSEHOLD, null, "Wanneer komt de huisarts?", null,
                        "2026-11-19T10:00:00Z", "2026-11-19T12:00:00Z", 2),
                new Message("m2", Fixtures.HOUSEHOLD_ID, MessageAuthor.OFFICER, "Sanne", "Dinsdag om tien uur.", null,
                        "2026-11-20T10:00:00Z", null, 1)),
                Collections.singletonList(new Announcement("an-1", "إغلاق البلدية", "البلدية مغلقة يوم الجمعة.", "ar",
                        TranslationState.MACHINE_DRAFTED, "2026-11-22T09:00:00Z", "2026-12-31", false, 1)));
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
    void anArabicReaderSeesWhoWroteWhatAndHerNewMessageWaitsMarkedPending() {
        String screen = run("ar", "شكرا\n\n", (ui, w) -> new MessagesScreen(ui, w).show());

        assertTrue(screen.contains("موظفكم"), "your officer: " + screen);
        assertTrue(screen.contains("أنتم"), "you: " + screen);
        assertTrue(screen.contains("مقروءة"), "read mark on her own message: " + screen);
        assertTrue(screen.contains("لم تُرسل بعد"), "the pending one is marked: " + screen);
        assertTrue(screen.indexOf("Wanneer komt") < screen.indexOf("Dinsdag om tien"), "newest at the bottom");
        for (String english : new String[] { "your officer", "not sent yet", "Conversation", "Write a message" }) {
            assertFalse(screen.contains(english), english + " in " + screen);
        }
        assertEquals(Arrays.asList(MutationType.MESSAGE_READ, MutationType.MESSAGE_SEND),
                Arrays.asList(store.outbox().get(0).type(), store.outbox().get(1).type()));
        assertEquals("شكرا", store.outbox().get(1).value());
        assertEquals(0, welkom.messages().unreadTotal(), "opening the conversation read it");
    }

    @Test
    void aDutchReaderSeesTheConversationInDutch() {
        String screen = run("nl", "\n", (ui, w) -> new MessagesScreen(ui, w).show());

        assertTrue(screen.contains("Gesprek"), screen);
        assertTrue(screen.contains("uw consulent \u2068Sanne\u2069"), screen);
        assertTrue(screen.contains("u · "), screen);
        assertTrue(screen.contains("Schrijf een bericht (hoogstens 2000 tekens)"), screen);
    }

    @Test
    void aMachineTranslatedAnnouncementIsMarkedAndNewOnlyOnce() {
        String first = run("ar", "", (ui, w) -> AnnouncementsScreen.showFresh(ui, w));
        assertTrue(first.contains("إغلاق البلدية"), first);
        assertTrue(first.contains("ترجمة آلية، لم يراجعها أحد"), "machine-drafted: " + first);
        assertTrue(welkom.announcements().fresh().isEmpty(), "shown once");

        String list = run("nl", "", (ui, w) -> new AnnouncementsScreen(ui, w).show());
        assertTrue(list.contains("Mededelingen van uw gemeente"), list);
        assertTrue(list.contains("vertaald door een computer, niet nagekeken"), list);
        assertTrue(list.contains("Getoond tot en met \u206831 december 2026\u2069"), list);
    }

    @Test
    void theHomeScreenCountsUnreadMessagesAndShowsNewAnnouncementsOnce() {
        String home = run("nl", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertTrue(home.contains("Ongelezen berichten: 1"), home);
        assertTrue(home.contains("Nieuwe mededelingen: 1"), home);
        assertTrue(home.contains("إغلاق البلدية"), home);
        assertTrue(home.contains("12  Berichten") && home.contains("13  Mededelingen"), home);

        String again = run("nl", "0\n", (ui, w) -> new HomeScreen(ui, w).show());
        assertFalse(again.contains("Nieuwe mededelingen"), again);
        assertFalse(again.contains("إغلاق البلدية"), "shown once: " + again);
    }
}
