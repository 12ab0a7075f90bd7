package nl.welkom.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import nl.welkom.editor.EditorModel.UiStringCounts;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.i18n.Catalog;

/**
 * How far each language is in the companion's own words (menus, prompts, errors): the PO files that
 * ship in {@code shared-model}, counted as translated (reviewed), machine-drafted ({@code fuzzy}) and
 * missing against the English source. Read once; the files change only with a release.
 */
@Singleton
final class UiStrings {

    private final List<UiStringCounts> counts;

    UiStrings() {
        Bundle bundle = Bundle.load(Bundle.COMPANION);
        int total = bundle.template().entries().size();
        List<UiStringCounts> rows = new ArrayList<>();
        for (Map.Entry<String, Catalog> language : bundle.languages().entrySet()) {
            int reviewed = 0;
            int drafted = 0;
            for (String key : bundle.template().entries().keySet()) {
                Catalog.Entry e = language.getValue().entries().get(key);
                if (e != null && e.translated(language.getValue().pluralRule().count())) {
                    if (e.fuzzy()) {
                        drafted++;
                    } else {
                        reviewed++;
                    }
                }
            }
            rows.add(new UiStringCounts(language.getKey(), language.getValue().nativeName(), total, reviewed, drafted,
                    total - reviewed - drafted, language.getValue().problems().size()));
        }
        this.counts = List.copyOf(rows);
    }

    /** One row per offered language, in the order of the companion's language choice. */
    List<UiStringCounts> counts() {
        return counts;
    }
}
