package nl.welkom.phrasebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import nl.welkom.Api;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.Phrasebook;
import org.junit.jupiter.api.Test;

class PhrasebookApiTest {
    private static final Api API = new Api();

    @Test
    void phrasesFallBackAlongTheChainAndSayIsForTheReadersFirstLanguage() {
        Phrasebook book = API.get("/api/phrasebook?lang=ar,en", null).as(Phrasebook.class);

        assertEquals("التحيات", book.categories().get(0).title());
        Phrase morning = book.categories().get(0).phrases().get(0);
        assertEquals("Goedemorgen!", morning.dutch());
        assertEquals("صباح الخير!", morning.translation());
        assertEquals(TranslationState.MACHINE_DRAFTED, morning.state());
        assertEquals("خُودِه مُورْخِن", morning.say());
        assertEquals("Until noon.", morning.note());
        Phrase thanks = book.categories().get(0).phrases().get(1);
        assertEquals("en", thanks.language());
        assertEquals("Thank you.", thanks.translation());
        assertEquals(TranslationState.MISSING, thanks.state());
        assertNull(thanks.say(), "an English transliteration does not help an Arabic reader");
        assertEquals("Help", book.categories().get(1).title());
        assertEquals(TranslationState.MISSING, book.categories().get(1).state());

        Phrase english = API.get("/api/phrasebook?lang=en", null).as(Phrasebook.class).categories().get(0).phrases().get(1);
        assertEquals("dank uu vel", english.say());
    }

    @Test
    void anUnchangedPhrasebookCostsA304() {
        Api.Response first = API.get("/api/phrasebook?lang=ar", null);

        Api.Response again = API.get("/api/phrasebook?lang=ar", null, "If-None-Match", first.header("ETag"));

        assertEquals(200, first.status());
        assertEquals(304, again.status());
    }
}
