package nl.welkom.model.content;

/** How trustworthy the text a reader sees is; shown to editors and readers alike. */
public enum TranslationState {
    /** Written or reviewed by a person and current with its Dutch source. */
    UP_TO_DATE,
    /** The Dutch source changed after this translation was made. */
    OUTDATED,
    /** Drafted by a machine and not yet reviewed by a person. */
    MACHINE_DRAFTED,
    /** No translation in the requested language: the text shown comes from a fallback language. */
    MISSING
}
