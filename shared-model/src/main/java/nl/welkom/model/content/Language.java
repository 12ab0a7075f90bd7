package nl.welkom.model.content;

/**
 * A language Welkom offers.
 *
 * @param code       BCP-47 code ({@code nl}, {@code en}, {@code ar}, {@code ti}, {@code fa-AF}, …)
 * @param name       English name
 * @param nativeName name in the language itself, so a reader can find it
 * @param direction  writing direction
 */
public record Language(String code, String name, String nativeName, TextDirection direction) {
}
