package nl.welkom.model.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import nl.welkom.model.content.TextDirection;

class CatalogTest {

    private static final String TEMPLATE = "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
            + "msgctxt \"menu.sync\"\nmsgid \"Sync now\"\nmsgstr \"\"\n\n"
            + "msgctxt \"sync.received\"\nmsgid \"1 update received\"\nmsgid_plural \"{0} updates received\"\n"
            + "msgstr[0] \"\"\nmsgstr[1] \"\"\n\n"
            + "msgctxt \"quiz.score\"\nmsgid \"Quiz: {0} of {1} right.\"\nmsgstr \"\"\n\n"
            + "msgctxt \"only.english\"\nmsgid \"Only in \\\"English\\\"\"\nmsgstr \"\"\n";

    private static final String ARABIC = "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n"
            + "\"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n\"\n"
            + "\"X-Language-Name: العربية\\n\"\n\"X-Text-Direction: RTL\\n\"\n\n"
            + "#, fuzzy\nmsgctxt \"menu.sync\"\nmsgid \"Sync now\"\nmsgstr \"زامِن الآن\"\n\n"
            + "#, fuzzy\nmsgctxt \"sync.received\"\nmsgid \"1 update received\"\nmsgid_plural \"{0} updates received\"\n"
            + "msgstr[0] \"لا تحديثات\"\nmsgstr[1] \"تحديث واحد\"\nmsgstr[2] \"تحديثان\"\nmsgstr[3] \"{0} تحديثات\"\n"
            + "msgstr[4] \"{0} تحديثًا\"\nmsgstr[5] \"{0} تحديث\"\n\n"
            + "msgctxt \"quiz.score\"\nmsgid \"Quiz: {0} of {1} right.\"\nmsgstr \"\"\n";

    private static Catalog read(String po) throws IOException {
        return Catalog.read(new StringReader(po));
    }

    @Test
    void aCatalogReadsHeadersKeysPluralsAndTheMachineDraftedFlag() throws IOException {
        Catalog ar = read(ARABIC);
        assertEquals("ar", ar.language());
        assertEquals("العربية", ar.nativeName());
        assertEquals(TextDirection.RTL, ar.direction());
        assertEquals(6, ar.pluralRule().count());
        assertTrue(ar.entries().get("menu.sync").fuzzy());
        assertTrue(ar.entries().get("sync.received").translated());
        assertFalse(ar.entries().get("quiz.score").translated());
        assertEquals(Collections.emptyList(), ar.problems());
    }

    @Test
    void stringsComeFromTheFirstLanguageOfTheChainThatHasThemThenEnglishNeverARawKey() throws IOException {
        Catalog template = read(TEMPLATE);
        Messages arabicThenEnglish = new Messages(template, Collections.singletonList(read(ARABIC)));
        assertEquals("زامِن الآن", arabicThenEnglish.text("menu.sync"), "a machine-drafted string is still shown");
        assertEquals("Quiz: 3 of 4 right.", arabicThenEnglish.text("quiz.score", 3, 4), "untranslated: English");
        assertEquals("Only in \"English\"", arabicThenEnglish.text("only.english"));
        assertEquals("Sync now", new Messages(template, Collections.<Catalog>emptyList()).text("menu.sync"));
    }

    @Test
    void arabicHasSixPluralFormsAndEachCountGetsItsOwn() throws IOException {
        Messages m = new Messages(read(TEMPLATE), Collections.singletonList(read(ARABIC)));
        assertEquals("لا تحديثات", m.plural("sync.received", 0, 0));
        assertEquals("تحديث واحد", m.plural("sync.received", 1, 1));
        assertEquals("تحديثان", m.plural("sync.received", 2, 2));
        assertEquals("7 تحديثات", m.plural("sync.received", 7, 7));
        assertEquals("11 تحديثًا", m.plural("sync.received", 11, 11));
        assertEquals("100 تحديث", m.plural("sync.received", 100, 100));
        Messages english = new Messages(read(TEMPLATE), Collections.<Catalog>emptyList());
        assertEquals("1 update received", english.plural("sync.received", 1, 1));
        assertEquals("5 updates received", english.plural("sync.received", 5, 5));
    }

    @Test
    void pluralRulesOfOtherLanguagesAndABrokenRuleFallsBackToOneAndOther() {
        PluralRule french = PluralRule.parse("nplurals=2; plural=(n > 1);");
        assertEquals(0, french.formFor(0));
        assertEquals(0, french.formFor(1));
        assertEquals(1, french.formFor(2));
        PluralRule ukrainian = PluralRule.parse(
                "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);");
        assertEquals(Arrays.asList(0, 1, 2, 2, 0, 1), Arrays.asList(ukrainian.formFor(1), ukrainian.formFor(3),
                ukrainian.formFor(5), ukrainian.formFor(11), ukrainian.formFor(21), ukrainian.formFor(22)));
        assertEquals(PluralRule.ONE_OTHER, PluralRule.parse("nplurals=2; plural=(n >>> 1;"));
        assertEquals(PluralRule.ONE_OTHER, PluralRule.parse("nplurals=2; plural=n+5;"), "a form out of range");
        assertEquals(PluralRule.ONE_OTHER, PluralRule.parse(null));
    }

    @Test
    void aDamagedFileLosesOnlyTheEntriesItDamagedAndSaysWhich() throws IOException {
        String damaged = "msgctxt \"menu.sync\"\nmsgid \"Sync now\"\nmsgstr \"Sawazisha sasa\n\n"
                + "msgctxt \"quiz.score\"\nmsgid \"Quiz: {0} of {1} right.\"\nmsgstr[x] \"...\"\n\n"
                + "garbage line\n\n"
                + "msgctxt \"only.english\"\nmsgid \"Only in \\\"English\\\"\"\nmsgstr \"Kwa Kiingereza tu\"\n";
        Catalog sw = read(damaged);
        assertEquals(3, sw.problems().size(), sw.problems().toString());
        assertEquals(Collections.singleton("only.english"), sw.entries().keySet());
        Messages m = new Messages(read(TEMPLATE), Collections.singletonList(sw));
        assertEquals("Sync now", m.text("menu.sync"), "a broken entry falls back");
        assertEquals("Kwa Kiingereza tu", m.text("only.english"), "a sound entry after the damage is kept");
    }

    @Test
    void entriesWithoutABlankLineBetweenThemStaySeparate() throws IOException {
        Catalog c = read("msgctxt \"a\"\nmsgid \"A\"\nmsgid_plural \"As\"\nmsgstr[0] \"a0\"\nmsgstr[1] \"a1\"\n"
                + "msgctxt \"b\"\nmsgid \"B\"\nmsgstr \"bee\"\n"
                + "msgid \"C\"\nmsgstr \"see\"\n");
        assertEquals(Arrays.asList("a", "b", "C"), new java.util.ArrayList<>(c.entries().keySet()));
        assertEquals(Arrays.asList("a0", "a1"), c.entries().get("a").translations());
        assertEquals(Collections.singletonList("bee"), c.entries().get("b").translations());
        assertFalse(c.entries().get("b").isPlural());
        assertEquals(Collections.emptyList(), c.problems());
    }

    @Test
    void aPluralWithTooFewFormsForTheLanguageFallsBackRatherThanShowingAWrongForm() throws IOException {
        String arabicTwoForms = ARABIC.replace("msgstr[2] \"تحديثان\"\nmsgstr[3] \"{0} تحديثات\"\n"
                + "msgstr[4] \"{0} تحديثًا\"\nmsgstr[5] \"{0} تحديث\"\n", "");
        Messages m = new Messages(read(TEMPLATE), Collections.singletonList(read(arabicTwoForms)));
        assertEquals("7 updates received", m.plural("sync.received", 7, 7));
        assertEquals(PluralRule.ONE_OTHER, PluralRule.parse("nplurals=2; plural=" + "(".repeat(5000) + "n" + ")".repeat(5000) + ";"),
                "a damaged, enormous rule is not evaluated");
    }

    @Test
    void placeholdersAreFilledByPositionAndALoneBraceIsText() {
        assertEquals("2 of 3 {x} {9}", Messages.format("{1} of {0} {x} {9}", 3, 2));
        assertEquals(new java.util.LinkedHashSet<>(Arrays.asList(0, 1)), Catalog.placeholders("{0} of {1}, {0}"));
    }
}
