package nl.welkom.model.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The build check of the companion's strings: it fails the build when a language file has a key
 * the English source does not, a placeholder that differs from the source's, the wrong number of
 * plural forms, or an entry that does not parse; and it reports how far each language is.
 */
class CompanionBundleTest {

    private static final Set<String> OFFERED = new HashSet<>(Arrays.asList(
            "nl", "en", "ar", "fa", "prs", "ps", "ti", "so", "sw", "rn", "uk", "fr"));

    private final Bundle bundle = Bundle.load(Bundle.COMPANION);

    @Test
    void everyOfferedLanguageHasAFileWithItsOwnNameAndDirection() {
        assertEquals(OFFERED, bundle.languages().keySet());
        for (Map.Entry<String, Catalog> e : bundle.languages().entrySet()) {
            assertEquals(e.getKey(), e.getValue().language(), "the Language header of " + e.getKey());
            assertNotNull(e.getValue().nativeName(), "X-Language-Name of " + e.getKey());
        }
        assertEquals(nl.welkom.model.content.TextDirection.RTL, bundle.languages().get("prs").direction());
        assertEquals(nl.welkom.model.content.TextDirection.LTR, bundle.languages().get("ti").direction());
    }

    @Test
    void everyFileParsesAndHasOnlyKeysOfTheSourceWithItsPlaceholdersAndPluralForms() {
        List<String> problems = new ArrayList<>(prefixed("messages.pot", bundle.template().problems()));
        Map<String, Catalog.Entry> source = bundle.template().entries();
        assertTrue(source.size() > 150, "the template holds the companion's strings");
        for (Map.Entry<String, Catalog> language : bundle.languages().entrySet()) {
            Catalog c = language.getValue();
            String code = language.getKey();
            problems.addAll(prefixed(code, c.problems()));
            for (Catalog.Entry e : c.entries().values()) {
                Catalog.Entry s = source.get(e.key());
                if (s == null) {
                    problems.add(code + ": " + e.key() + " is not in messages.pot");
                    continue;
                }
                if (s.isPlural() != e.isPlural()) {
                    problems.add(code + ": " + e.key() + " must " + (s.isPlural() ? "" : "not ") + "have plural forms");
                    continue;
                }
                Set<Integer> allowed = Catalog.placeholders(s.source());
                allowed.addAll(Catalog.placeholders(s.sourcePlural()));
                for (String t : e.translations()) {
                    if (t.isEmpty()) {
                        continue;
                    }
                    Set<Integer> used = Catalog.placeholders(t);
                    boolean ok = s.isPlural() ? allowed.containsAll(used) : used.equals(allowed);
                    if (!ok) {
                        problems.add(code + ": " + e.key() + " uses placeholders " + used + ", the source " + allowed);
                    }
                }
                if (e.isPlural() && e.translated() && e.translations().size() != c.pluralRule().count()) {
                    problems.add(code + ": " + e.key() + " has " + e.translations().size() + " plural forms, the language "
                            + c.pluralRule().count());
                }
            }
        }
        assertEquals(new ArrayList<String>(), problems);
    }

    @Test
    void englishIsComplete() {
        Catalog en = bundle.languages().get("en");
        for (String key : bundle.template().entries().keySet()) {
            assertTrue(en.entries().containsKey(key) && en.entries().get(key).translated(), key);
        }
    }

    private static List<String> prefixed(String file, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            out.add(file + ": " + p);
        }
        return out;
    }
}
