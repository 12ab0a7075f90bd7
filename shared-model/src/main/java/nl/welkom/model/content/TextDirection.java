package nl.welkom.model.content;

/** Writing direction of a language: Arabic, Farsi, Dari and Pashto are right-to-left. */
public enum TextDirection {
    LTR,
    RTL
}
