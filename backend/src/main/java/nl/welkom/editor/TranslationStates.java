package nl.welkom.editor;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import nl.welkom.model.content.TranslationState;

/**
 * The translation-state rule, in one place (the Integreat model):
 * <ul>
 *   <li>no published revision in the language: {@code MISSING};</li>
 *   <li>Dutch, the source, published: {@code UP_TO_DATE};</li>
 *   <li>a translation whose Dutch source revision is older than the newest published
 *       <em>non-minor</em> Dutch revision: {@code OUTDATED} (a minor source edit outdates nothing);</li>
 *   <li>else a translation drafted by a machine and not reviewed by a person: {@code MACHINE_DRAFTED};</li>
 *   <li>else {@code UP_TO_DATE}.</li>
 * </ul>
 * OUTDATED wins over MACHINE_DRAFTED: text that says something the source no longer says is the worse news.
 * The revision readers see is the highest-numbered PUBLISHED one.
 */
final class TranslationStates {
    static final String SOURCE = "nl";

    private TranslationStates() {
    }

    /** The published revision readers see, from all revisions of one lesson (any languages). */
    static Optional<Revision> published(List<Revision> revisions, String lang) {
        return revisions.stream()
                .filter(revision -> revision.lang().equals(lang) && revision.status() == RevisionStatus.PUBLISHED)
                .max(Comparator.comparingInt(Revision::number));
    }

    /** The newest revision in any status. */
    static Optional<Revision> latest(List<Revision> revisions, String lang) {
        return revisions.stream().filter(revision -> revision.lang().equals(lang))
                .max(Comparator.comparingInt(Revision::number));
    }

    /** The state of {@code lang} for one lesson, from all revisions of that lesson. */
    static TranslationState of(List<Revision> revisions, String lang) {
        Optional<Revision> current = published(revisions, lang);
        if (current.isEmpty()) {
            return TranslationState.MISSING;
        }
        if (lang.equals(SOURCE)) {
            return TranslationState.UP_TO_DATE;
        }
        int lastSubstantial = revisions.stream()
                .filter(r -> r.lang().equals(SOURCE) && r.status() == RevisionStatus.PUBLISHED && !r.minorEdit())
                .mapToInt(Revision::number).max().orElse(0);
        int base = revisions.stream()
                .filter(r -> r.id().equals(current.get().sourceRevisionId()))
                .mapToInt(Revision::number).findFirst().orElse(0);
        if (base < lastSubstantial) {
            return TranslationState.OUTDATED;
        }
        return current.get().machineDrafted() ? TranslationState.MACHINE_DRAFTED : TranslationState.UP_TO_DATE;
    }
}
