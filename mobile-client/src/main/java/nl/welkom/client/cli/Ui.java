package nl.welkom.client.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.welkom.client.Welkom;
import nl.welkom.model.Problem;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.i18n.Catalog;
import nl.welkom.model.i18n.Messages;

/**
 * What every screen shares: the terminal, standard input, and the reader's strings. Every word the
 * companion itself shows comes from {@link #t} (the companion's PO files in the reader's language
 * chain, then English); content comes from the library in the reader's languages with its badges.
 * Input never crashes a screen: letters where a number is expected and empty lines ask again, end
 * of input ends the companion.
 */
final class Ui {

    /** Thrown when standard input ends: the companion says goodbye and exits normally. */
    static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    final Terminal term;
    private final BufferedReader in;
    private final Welkom welkom;
    private final Bundle bundle;
    /** Whether input comes from a person at a console (secrets are then read without echo). */
    private final boolean console;
    private Messages messages;
    private AutoSync autoSync;

    Ui(Terminal term, BufferedReader in, boolean console, Welkom welkom, Bundle bundle) {
        this.term = term;
        this.in = in;
        this.console = console;
        this.welkom = welkom;
        this.bundle = bundle;
        useLanguages(welkom.languages());
    }

    /** Switches the companion's own words to this chain (then English). */
    void useLanguages(List<String> chain) {
        messages = bundle.messages(chain);
    }

    Bundle bundle() {
        return bundle;
    }

    /** The background retry of failed syncs, if the companion runs one; null in tests that build a bare Ui. */
    AutoSync autoSync() {
        return autoSync;
    }

    void useAutoSync(AutoSync retry) {
        this.autoSync = retry;
    }

    /** The string for {@code key} in the reader's language, with {@code {0}}… filled in. */
    String t(String key, Object... args) {
        return messages.text(key, args);
    }

    /** The plural string for {@code key} and count {@code n}, with {@code {0}} = {@code n} and {@code {1}}… = {@code more}. */
    String n(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return messages.plural(key, n, args);
    }

    /** Whether the reader's own words are right to left (the first catalog of their chain). */
    boolean uiRtl() {
        Catalog primary = messages.primary();
        return primary != null && primary.direction() == TextDirection.RTL;
    }

    // ---- output ---------------------------------------------------------------------------

    /** One line of the companion's own words, right-aligned for a right-to-left reader. */
    void say(String text) {
        if (uiRtl()) {
            term.line(Terminal.isolate(text), true);
        } else {
            term.line(text);
        }
    }

    void blank() {
        term.blank();
    }

    /** A menu line: {@code " 3  Lessons"}. */
    void option(String number, String text) {
        String n = number.length() < 2 ? " " + number : number;
        if (uiRtl()) {
            term.line(n + "  " + Terminal.isolate(text), true);
        } else {
            term.line(n + "  " + text);
        }
    }

    /** A numbered list entry of content; right-to-left titles become a right-aligned isolated line. */
    void item(int number, String title, String language, TranslationState state) {
        contentLine(String.format(Locale.ROOT, "%2d  ", number), Terminal.sanitize(title), language, state);
    }

    void heading(String title, String language, TranslationState state) {
        contentLine("", "== " + Terminal.sanitize(title) + " ==", language, state);
    }

    /**
     * {@code prefix + text + badges} on one line. For a right-to-left language the whole line is an
     * RTL isolate, right-aligned, with the badges in their own first-strong isolate so they sit at the
     * end of the reading direction without reordering the text.
     */
    void contentLine(String prefix, String text, String language, TranslationState state) {
        String badges = badges(language, state);
        if (rtl(language)) {
            String line = prefix.trim() + "  " + text + (badges.isEmpty() ? "" : "  " + Terminal.isolate(badges.trim()));
            term.line(line.trim(), true);
        } else {
            term.line(prefix + text + (badges.isEmpty() ? "" : " " + Terminal.isolate(badges.trim())));
        }
    }

    /** {@code [ar] [machine translation]}: which language a part is in and how far to trust it. */
    String badges(String language, TranslationState state) {
        StringBuilder sb = new StringBuilder();
        if (language != null) {
            sb.append(" [").append(Terminal.sanitize(language)).append(']');
        }
        if (state == TranslationState.MACHINE_DRAFTED) {
            sb.append(" [").append(t("badge.machine")).append(']');
        } else if (state == TranslationState.MISSING) {
            sb.append(" [").append(t("badge.missing")).append(']');
        } else if (state == TranslationState.OUTDATED) {
            sb.append(" [").append(t("badge.outdated")).append(']');
        }
        return sb.toString();
    }

    boolean rtl(String language) {
        return language != null && welkom.direction(language) == TextDirection.RTL;
    }

    void paragraph(String text, String language, String indent) {
        term.paragraph(Terminal.sanitize(text), rtl(language), indent);
    }

    // ---- input ----------------------------------------------------------------------------

    /** One line of input, trimmed; end of input ends the companion. */
    String ask(String prompt) {
        term.prompt(uiRtl() ? Terminal.isolate(prompt) + " " : prompt + " ");
        return readLine().trim();
    }

    /**
     * A password or other secret: never echoed. With a console, {@link Console#readPassword}; without
     * one (input piped in), the line is read as it comes — and still never printed.
     */
    String askSecret(String prompt) {
        term.prompt(uiRtl() ? Terminal.isolate(prompt) + " " : prompt + " ");
        Console systemConsole = console ? System.console() : null;
        if (systemConsole != null) {
            char[] secret = systemConsole.readPassword();
            if (secret == null) {
                throw new EndOfInput();
            }
            String value = new String(secret);
            Arrays.fill(secret, ' ');
            return value;
        }
        String line = readLine();
        term.blank();
        return line;
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new EndOfInput();
            }
            return line;
        } catch (IOException e) {
            throw new EndOfInput();
        }
    }

    /** Waits for Enter. */
    void pause() {
        ask(t("prompt.enter_to_go_back"));
    }

    /** A yes/no question; anything but the language's "yes" letter (or y) is no. */
    boolean confirm(String question) {
        String answer = ask(question + " " + t("prompt.yes_no")).trim();
        String yes = t("answer.yes_letter");
        return answer.equalsIgnoreCase(yes) || answer.equalsIgnoreCase("y") || answer.equals("1");
    }

    /**
     * A number from {@code min} to {@code max}; asks again on anything else. With {@code allowBack}
     * an empty line returns -1.
     */
    int choose(String prompt, int min, int max, boolean allowBack) {
        while (true) {
            String line = ask(prompt);
            if (line.isEmpty()) {
                if (allowBack) {
                    return -1;
                }
                continue;
            }
            int n = number(line);
            if (n >= min && n <= max) {
                return n;
            }
            say(allowBack ? t("error.number_range_or_enter", min, max) : t("error.number_range", min, max));
        }
    }

    /** An ISO-8601 instant as "2026-12-03 18:20" (UTC, to the minute); "" when there is none. */
    static String minute(String isoInstant) {
        return isoInstant == null || isoInstant.length() < 16 ? "" : isoInstant.substring(0, 16).replace('T', ' ');
    }

    /** A typed number, with the digits of any script (Arabic-Indic ٣, Persian ۳, Ge'ez-script phones type ASCII); -1 if none. */
    static int number(String line) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            int d = Character.digit(line.charAt(i), 10);
            if (d < 0) {
                return -1;
            }
            digits.append(d);
        }
        if (digits.length() == 0 || digits.length() > 6) {
            return -1;
        }
        return Integer.parseInt(digits.toString());
    }

    /** A server problem in the reader's words: by its type where we know it, else by its status. */
    String problem(Problem p) {
        String type = p.type() == null ? "" : p.type();
        String slug = type.substring(type.lastIndexOf('/') + 1);
        if (!slug.isEmpty() && messages.has("problem." + slug)) {
            return t("problem." + slug);
        }
        int status = p.status();
        if (status < 400) {
            return t("problem.unexpected"); // an answer the app could not use (docs: WelkomApiException)
        }
        if (status == 401 || status == 403) {
            return t("problem.not_allowed");
        }
        if (status == 429) {
            return t("problem.too_many");
        }
        if (status >= 500) {
            return t("problem.server_trouble");
        }
        return t("problem.refused", status);
    }
}
