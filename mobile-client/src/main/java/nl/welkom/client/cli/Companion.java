package nl.welkom.client.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.welkom.client.CourseStatus;
import nl.welkom.client.QuizAnswer;
import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.Mutation;

/**
 * The terminal companion: the newcomer's app as numbered menus in a terminal, for demos, field
 * tests over SSH and end-to-end tests driven through standard input.
 *
 * <p>Architecture invariant: it uses only the public library API ({@link Welkom} and the SQLite
 * store); no HTTP and no SQL of its own. It reads standard input line by line and never crashes on
 * input: letters where a number is expected and empty lines ask again, end of input quits.
 *
 * <pre>
 * java -jar welkom-companion.jar [--server http://localhost:8080] [--data ./companion-data] [--width 80]
 * </pre>
 */
public final class Companion {

    private static final String USAGE = "Usage: java -jar mobile-client-companion.jar"
            + " [--server http://localhost:8080] [--data ./companion-data] [--width 80]";

    /** Languages offered before any content is on the phone: code, English name, native name, direction. */
    private static final List<Language> BUILT_IN_LANGUAGES = Collections.unmodifiableList(Arrays.asList(
            new Language("nl", "Dutch", "Nederlands", TextDirection.LTR),
            new Language("en", "English", "English", TextDirection.LTR),
            new Language("ar", "Arabic", "العربية", TextDirection.RTL),
            new Language("fa", "Persian", "فارسی", TextDirection.RTL),
            new Language("prs", "Dari", "دری", TextDirection.RTL),
            new Language("ps", "Pashto", "پښتو", TextDirection.RTL),
            new Language("ti", "Tigrinya", "ትግርኛ", TextDirection.LTR),
            new Language("so", "Somali", "Soomaali", TextDirection.LTR),
            new Language("sw", "Swahili", "Kiswahili", TextDirection.LTR),
            new Language("rn", "Kirundi", "Ikirundi", TextDirection.LTR),
            new Language("uk", "Ukrainian", "Українська", TextDirection.LTR),
            new Language("fr", "French", "Français", TextDirection.LTR)));

    /** Thrown when standard input ends: the companion says goodbye and exits normally. */
    private static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final Welkom welkom;
    private final BufferedReader in;
    private final Terminal term;

    Companion(Welkom welkom, BufferedReader in, Terminal term) {
        this.welkom = welkom;
        this.in = in;
        this.term = term;
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the companion; returns the process exit status (0 after Quit or end of input). */
    static int run(String[] args, InputStream stdin, OutputStream stdout) {
        PrintStream out = utf8(stdout);
        String server = "http://localhost:8080";
        String data = "./companion-data";
        int width = widthFrom(System.getenv("COLUMNS"), 80);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if ("--server".equals(arg) && hasValue) {
                server = args[++i];
            } else if ("--data".equals(arg) && hasValue) {
                data = args[++i];
            } else if ("--width".equals(arg) && hasValue) {
                width = widthFrom(args[++i], width);
            } else if ("--help".equals(arg) || "-h".equals(arg)) {
                out.println(USAGE);
                return 0;
            } else {
                out.println("Unknown argument: " + arg);
                out.println(USAGE);
                return 2;
            }
        }
        SqliteLocalStore store;
        try {
            File directory = new File(data);
            if (!directory.isDirectory() && !directory.mkdirs()) {
                out.println("Cannot create the data directory " + data);
                return 1;
            }
            ownerOnly(directory, true);
            store = SqliteLocalStore.open(new File(directory, "welkom.db"));
            // The file holds the device token: only its owner may read it (and SQLite's side files).
            for (String name : new String[] {"welkom.db", "welkom.db-wal", "welkom.db-shm", "welkom.db-journal"}) {
                File file = new File(directory, name);
                if (file.exists()) {
                    ownerOnly(file, false);
                }
            }
        } catch (LocalStoreException e) {
            out.println("Cannot open the data directory " + data + ": " + e.getMessage());
            return 1;
        }
        try {
            Welkom welkom;
            try {
                welkom = Welkom.builder().baseUrl(server).store(store).build();
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
                out.println(USAGE);
                return 2;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            new Companion(welkom, in, new Terminal(out, width)).loop(server);
            return 0;
        } finally {
            store.close();
            out.flush();
        }
    }

    /** 700 for a directory, 600 for a file, with java.io only (Android API 26 has it too). */
    static void ownerOnly(File file, boolean directory) {
        boolean ok = file.setReadable(false, false) & file.setReadable(true, true)
                & file.setWritable(false, false) & file.setWritable(true, true)
                & file.setExecutable(false, false);
        if (directory) {
            ok &= file.setExecutable(true, true);
        }
        if (!ok) {
            throw new LocalStoreException("Cannot make " + file + " private to its owner", null);
        }
    }

    private static PrintStream utf8(OutputStream stdout) {
        try {
            return new PrintStream(stdout, true, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static int widthFrom(String value, int fallback) {
        try {
            int w = Integer.parseInt(value == null ? "" : value.trim());
            return Math.max(20, Math.min(400, w));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- main menu ------------------------------------------------------------------------

    void loop(String server) {
        term.line("Welkom companion · server " + server);
        try {
            while (true) {
                term.blank();
                term.line(status());
                term.line(welkom.session().isPresent() ? " 1  Activate again / another household"
                        : " 1  Activate this phone");
                term.line(" 2  Choose language");
                term.line(" 3  Lessons");
                term.line(" 4  My journey and tasks");
                term.line(" 5  Sync now");
                term.line(" 6  Sign in as a family friend");
                term.line(" 7  Pre-departure course");
                term.line(" 8  Phrasebook");
                term.line(" 9  Places in your town");
                term.line(" 0  Quit");
                int choice = choose("Choice: ", 0, 9, false);
                if (choice == 0) {
                    term.line("Goodbye.");
                    return;
                }
                try {
                    switch (choice) {
                        case 1: activate(); break;
                        case 2: chooseLanguage(); break;
                        case 3: lessons(); break;
                        case 4: journey(); break;
                        case 5: sync(); break;
                        case 6: login(); break;
                        case 7: course(); break;
                        case 8: phrasebook(); break;
                        case 9: places(); break;
                        default: break;
                    }
                } catch (LocalStoreException | IllegalArgumentException | IllegalStateException e) {
                    term.line("Sorry, that did not work: " + e.getMessage());
                }
            }
        } catch (EndOfInput e) {
            term.blank();
            term.line("Goodbye.");
        }
    }

    private String status() {
        Optional<Session> session = welkom.session();
        StringBuilder sb = new StringBuilder();
        if (!session.isPresent()) {
            sb.append("This phone is not activated yet");
        } else {
            sb.append(Terminal.sanitize(session.get().municipalityName()));
            Optional<Household> household = welkom.household();
            if (household.isPresent()) {
                sb.append(" · ").append(Terminal.sanitize(household.get().displayName()));
            } else if (session.get().role() == Role.BUDDY) {
                int n = welkom.households().size();
                sb.append(" · ").append(Terminal.sanitize(session.get().displayName())).append(" (family friend, ")
                        .append(n == 1 ? "1 family" : n + " families").append(')');
            }
        }
        List<String> languages = welkom.languages();
        sb.append(" · language: ").append(languages.isEmpty() ? "not chosen" : String.join(", ", languages));
        int pending = welkom.pendingChanges();
        if (pending > 0) {
            sb.append(" · ").append(changes(pending)).append(" waiting to sync");
        }
        return sb.toString();
    }

    // ---- 1 activate -----------------------------------------------------------------------

    private void activate() {
        term.blank();
        term.line("Activate this phone");
        String code = ask("Activation code from your municipality (Enter to go back): ");
        if (code.isEmpty()) {
            return;
        }
        String name = ask("A name for this phone, e.g. Amina's phone: ");
        if (name.isEmpty()) {
            name = "Companion";
        }
        Session session;
        try {
            session = welkom.activate(code, name);
        } catch (WelkomOfflineException e) {
            term.line("No connection. Activating needs the internet once; please try again when you are online.");
            return;
        } catch (WelkomApiException e) {
            term.line("The code was not accepted: " + describe(e.problem()));
            return;
        } catch (WelkomException e) {
            term.line("Activation failed: " + e.getMessage());
            return;
        }
        term.line("This phone is now connected to " + Terminal.sanitize(session.municipalityName()) + ".");
        term.line("Fetching your journey and lessons…");
        sync();
    }

    // ---- 6 sign in (family friend) ---------------------------------------------------------

    private void login() {
        term.blank();
        term.line("Sign in as a family friend");
        String user = ask("User name (Enter to go back): ");
        if (user.isEmpty()) {
            return;
        }
        String password = ask("Password: ");
        if (password.isEmpty()) {
            return;
        }
        Session session;
        try {
            session = welkom.login(user, password);
        } catch (WelkomOfflineException e) {
            term.line("No connection. Signing in needs the internet once; please try again when you are online.");
            return;
        } catch (WelkomApiException e) {
            term.line("Not signed in: " + describe(e.problem()));
            return;
        } catch (WelkomException e) {
            term.line("Sign-in failed: " + e.getMessage());
            return;
        }
        term.line("Signed in as " + Terminal.sanitize(session.displayName()) + " for "
                + Terminal.sanitize(session.municipalityName()) + ".");
        term.line("Fetching the families you support…");
        sync();
    }

    // ---- 2 language -----------------------------------------------------------------------

    private void chooseLanguage() {
        List<Language> offered = offeredLanguages();
        term.blank();
        term.line("Choose your language");
        for (int i = 0; i < offered.size(); i++) {
            Language l = offered.get(i);
            String label = Terminal.sanitize(l.nativeName() == null ? l.code() : l.nativeName());
            if (l.direction() == TextDirection.RTL) {
                label = Terminal.isolate(label);
            }
            String english = l.name() != null && !l.name().equals(l.nativeName()) ? "  (" + l.name() + ")" : "";
            term.line(String.format(Locale.ROOT, "%2d  %s%s", i + 1, label, english));
        }
        int first = choose("Number (Enter to go back): ", 1, offered.size(), true);
        if (first < 0) {
            return;
        }
        int second = choose("A second language for what is not yet in the first (number, Enter for none): ",
                1, offered.size(), true);
        List<String> chain = new ArrayList<>();
        chain.add(offered.get(first - 1).code());
        if (second > 0 && second != first) {
            chain.add(offered.get(second - 1).code());
        }
        welkom.setLanguages(chain);
        term.line("Language: " + String.join(", ", chain) + ". Fetching lessons…");
        try {
            term.line(welkom.refreshContent() ? "Lessons updated." : "Lessons are up to date.");
        } catch (WelkomOfflineException e) {
            term.line("You are offline. Lessons in your language will come with the next sync.");
        } catch (WelkomException e) {
            term.line("Lessons could not be fetched: " + e.getMessage());
        }
    }

    private List<Language> offeredLanguages() {
        List<Language> offered = new ArrayList<>(BUILT_IN_LANGUAGES);
        for (Language fromPack : welkom.availableLanguages()) {
            boolean known = false;
            for (Language l : offered) {
                known |= l.code().equalsIgnoreCase(fromPack.code());
            }
            if (!known && fromPack.code() != null) {
                offered.add(fromPack);
            }
        }
        return offered;
    }

    // ---- 3 lessons ------------------------------------------------------------------------

    private void lessons() {
        while (true) {
            List<Topic> topics = welkom.topics();
            term.blank();
            if (topics.isEmpty()) {
                term.line("No lessons on this phone yet. Choose a language (2) or sync (5) when you are online.");
                return;
            }
            term.line("Lessons");
            for (int i = 0; i < topics.size(); i++) {
                Topic t = topics.get(i);
                item(i + 1, t.title(), t.language(), null);
            }
            int choice = choose("Topic number (Enter to go back): ", 1, topics.size(), true);
            if (choice < 0) {
                return;
            }
            topic(topics.get(choice - 1));
        }
    }

    private void topic(Topic topic) {
        List<Lesson> lessons = topic.lessons() == null ? Collections.<Lesson>emptyList() : topic.lessons();
        while (true) {
            term.blank();
            heading(topic.title(), topic.language(), null);
            if (lessons.isEmpty()) {
                term.line("This topic has no lessons yet.");
                return;
            }
            for (int i = 0; i < lessons.size(); i++) {
                Lesson l = lessons.get(i);
                item(i + 1, l.title(), l.language(), l.state());
            }
            int choice = choose("Lesson number (Enter to go back): ", 1, lessons.size(), true);
            if (choice < 0) {
                return;
            }
            read(lessons.get(choice - 1));
        }
    }

    private void read(Lesson lesson) {
        term.blank();
        heading(lesson.title(), lesson.language(), lesson.state());
        if (lesson.summary() != null) {
            term.paragraph(Terminal.sanitize(lesson.summary()), rtl(lesson.language()), "");
        }
        List<Section> sections = lesson.sections() == null ? Collections.<Section>emptyList() : lesson.sections();
        for (Section s : sections) {
            term.blank();
            String title = s.heading() == null ? "" : Terminal.sanitize(s.heading());
            rtlOrLtr("— " + s.position() + ". ", title, s.language(), s.state());
            term.paragraph(plain(Terminal.sanitize(s.body())), rtl(s.language()), "  ");
        }
        term.blank();
        ask("Press Enter to go back.");
    }

    /** A numbered list entry; right-to-left titles become a right-aligned isolated line. */
    private void item(int number, String title, String language, TranslationState state) {
        rtlOrLtr(String.format(Locale.ROOT, "%2d  ", number), Terminal.sanitize(title), language, state);
    }

    private void heading(String title, String language, TranslationState state) {
        rtlOrLtr("", "== " + Terminal.sanitize(title) + " ==", language, state);
    }

    /**
     * {@code prefix + text + badges} on one line. For a right-to-left language the whole line is an
     * RTL isolate, right-aligned, with the (English) badges in their own first-strong isolate so
     * they sit at the end of the reading direction without reordering the text.
     */
    private void rtlOrLtr(String prefix, String text, String language, TranslationState state) {
        String badges = badges(language, state);
        if (rtl(language)) {
            String line = prefix.trim() + "  " + text + (badges.isEmpty() ? "" : "  " + Terminal.isolate(badges.trim()));
            term.line(line.trim(), true);
        } else {
            term.line(prefix + text + badges);
        }
    }

    /** {@code [ar] [machine translation]}: which language a part is in and how far to trust it. */
    private static String badges(String language, TranslationState state) {
        StringBuilder sb = new StringBuilder();
        if (language != null) {
            sb.append("  [").append(Terminal.sanitize(language)).append(']');
        }
        if (state == TranslationState.MACHINE_DRAFTED) {
            sb.append(" [machine translation]");
        } else if (state == TranslationState.MISSING) {
            sb.append(" [not yet in your language]");
        } else if (state == TranslationState.OUTDATED) {
            sb.append(" [may be out of date]");
        }
        return sb.toString();
    }

    /** CommonMark shown as plain terminal text ({@link Markdown}). */
    private static String plain(String markdown) {
        return Markdown.plain(markdown);
    }

    private boolean rtl(String language) {
        return language != null && welkom.direction(language) == TextDirection.RTL;
    }

    // ---- 7 course -------------------------------------------------------------------------

    private void course() {
        Optional<Course> found = welkom.course();
        Optional<Household> household = welkom.household();
        if (!found.isPresent()) {
            term.line("The course is not on this phone yet. Sync (5) when you are online.");
            return;
        }
        if (!household.isPresent() || household.get().members() == null || household.get().members().isEmpty()) {
            term.line("Activate this phone and sync first (menu 1 and 5): the course is kept per family member.");
            return;
        }
        List<Member> members = household.get().members();
        term.blank();
        term.line("Who is taking the course?");
        for (int i = 0; i < members.size(); i++) {
            term.line(String.format(Locale.ROOT, "%2d  ", i + 1) + Terminal.isolate(Terminal.sanitize(members.get(i).displayName())));
        }
        int who = choose("Member number (Enter to go back): ", 1, members.size(), true);
        if (who < 0) {
            return;
        }
        Member member = members.get(who - 1);
        Course course = found.get();
        while (true) {
            CourseStatus status = welkom.courseProgress(member.id());
            term.blank();
            rtlOrLtr("", "== " + Terminal.sanitize(course.title()) + " ==", course.language(), course.state());
            term.line(progressLine(status));
            for (CourseLesson lesson : course.lessons()) {
                boolean done = status.lessonsDone().contains(lesson.lessonId());
                item(lesson.position(), (done ? "✓ " : "  ") + Terminal.sanitize(lesson.title()), lesson.language(),
                        lesson.state());
            }
            if (status.complete()) {
                term.line(" C  Show the certificate");
            }
            String line = ask("Lesson number" + (status.complete() ? ", C" : "") + " (Enter to go back): ").trim();
            if (line.isEmpty()) {
                return;
            }
            if (status.complete() && line.equalsIgnoreCase("c")) {
                showCertificate(member);
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(line);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > course.lessons().size()) {
                term.line("Please type a number from 1 to " + course.lessons().size() + ".");
                continue;
            }
            courseLesson(member, course.lessons().get(number - 1));
        }
    }

    private void courseLesson(Member member, CourseLesson lesson) {
        Optional<Lesson> reading = welkom.lesson(lesson.lessonId());
        if (reading.isPresent()) {
            read(reading.get());
        } else {
            term.line("This lesson's text is not on this phone yet. Sync (5) when you are online.");
        }
        welkom.completeCourseLesson(member.id(), lesson.lessonId());
        int right = 0;
        for (QuizQuestion question : lesson.quiz()) {
            term.blank();
            rtlOrLtr("? ", Terminal.sanitize(question.question()), question.language(), question.state());
            for (int i = 0; i < question.options().size(); i++) {
                rtlOrLtr(String.format(Locale.ROOT, "%2d  ", i + 1), Terminal.sanitize(question.options().get(i)),
                        question.language(), null);
            }
            int answer = choose("Your answer (number): ", 1, question.options().size(), false);
            QuizAnswer result = welkom.answerQuiz(member.id(), question.slug(), answer - 1);
            if (result.correct()) {
                right++;
                term.line("Right!");
            } else {
                term.line("Not quite. The right answer is " + (result.correctOption() + 1) + ".");
            }
            term.paragraph(Terminal.sanitize(result.explanation()), rtl(question.language()), "  ");
        }
        if (!lesson.quiz().isEmpty()) {
            term.blank();
            term.line("Quiz: " + right + " of " + lesson.quiz().size() + " right.");
        }
        CourseStatus status = welkom.courseProgress(member.id());
        term.line(progressLine(status));
        if (status.complete()) {
            term.line("You completed the course! Choose C to see your certificate.");
        }
    }

    private static String progressLine(CourseStatus status) {
        return "Progress: " + status.lessonsDone().size() + " of " + status.lessons() + " lessons done, "
                + status.correctAnswers().size() + " of " + status.questions() + " questions right"
                + (status.complete() ? " · completed " + status.completedAt() : "");
    }

    private void showCertificate(Member member) {
        Optional<Certificate> certificate = welkom.certificate(member.id());
        if (!certificate.isPresent()) {
            term.line("No certificate yet: finish every lesson and answer every question right once.");
            return;
        }
        Certificate c = certificate.get();
        int inner = Math.max(20, Math.min(60, term.width() - 4));
        String rule = "+" + repeat('-', inner + 2) + "+";
        term.blank();
        term.line(rule);
        framed("CERTIFICATE · CERTIFICAAT", inner);
        framed("", inner);
        framed(Terminal.isolate(Terminal.sanitize(c.memberName())), inner);
        framed("has completed · heeft afgerond", inner);
        framed(Terminal.isolate(Terminal.sanitize(c.courseTitle())), inner);
        framed("", inner);
        framed("Date · Datum: " + c.completedAt(), inner);
        framed("Language: " + c.language(), inner);
        term.line(rule);
        ask("Press Enter to go back.");
    }

    private void framed(String text, int inner) {
        int pad = Math.max(0, inner - Terminal.displayWidth(text));
        term.line("| " + text + repeat(' ', pad) + " |");
    }

    private static String repeat(char c, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }

    // ---- 9 places -------------------------------------------------------------------------

    /**
     * The places of the phone's municipality by category, from the store: name and address (Dutch,
     * as signposted), phone, opening hours and what the place is for (in the reader's language,
     * isolated), and the {@code geo:} link a map app opens.
     */
    private void places() {
        Optional<Places> found = welkom.places();
        if (!found.isPresent() || found.get().places().isEmpty()) {
            term.line("The places in your town are not on this phone yet. Sync (5) when you are online.");
            return;
        }
        term.blank();
        term.line("Places in your town");
        PlaceCategory current = null;
        for (Place place : found.get().places()) {
            if (place.category() != current) {
                current = place.category();
                term.blank();
                term.line("== " + categoryName(current) + " ==");
            }
            term.line("  " + Terminal.sanitize(place.name()));
            if (place.address() != null) {
                String town = ((place.postcode() == null ? "" : place.postcode() + " ")
                        + (place.city() == null ? "" : place.city())).trim();
                term.line("    " + Terminal.sanitize(place.address()) + (town.isEmpty() ? "" : ", " + Terminal.sanitize(town)));
            }
            if (place.phone() != null) {
                term.line("    phone: " + Terminal.sanitize(place.phone()));
            }
            if (place.openingHours() != null) {
                term.line("    hours: " + Terminal.isolate(Terminal.sanitize(place.openingHours())));
            }
            if (place.description() != null) {
                rtlOrLtr("    ", Terminal.sanitize(place.description()), place.language(), place.state());
            }
            Optional<String> link = Welkom.geoLink(place);
            if (link.isPresent()) {
                term.line("    map: " + link.get());
            }
        }
    }

    private static String categoryName(PlaceCategory category) {
        switch (category) {
            case TOWN_HALL: return "Town hall";
            case GP_PRACTICE: return "GP (huisarts)";
            case PHARMACY: return "Pharmacy (apotheek)";
            case EMERGENCY_DEPARTMENT: return "Emergency department (spoedeisende hulp)";
            case SCHOOL: return "School";
            case LANGUAGE_SCHOOL: return "Language school (taalschool)";
            case LIBRARY: return "Library (bibliotheek)";
            case SUPPORT_OFFICE: return "Help and advice";
            default: return category.name();
        }
    }

    // ---- 8 phrasebook ---------------------------------------------------------------------

    private void phrasebook() {
        Optional<Phrasebook> found = welkom.phrasebook();
        if (!found.isPresent() || found.get().categories().isEmpty()) {
            term.line("The phrasebook is not on this phone yet. Sync (5) when you are online.");
            return;
        }
        List<PhraseCategory> categories = found.get().categories();
        while (true) {
            term.blank();
            term.line("Phrasebook");
            for (int i = 0; i < categories.size(); i++) {
                PhraseCategory c = categories.get(i);
                item(i + 1, c.title(), c.language(), c.state());
            }
            int choice = choose("Category number (Enter to go back): ", 1, categories.size(), true);
            if (choice < 0) {
                return;
            }
            PhraseCategory category = categories.get(choice - 1);
            term.blank();
            heading(category.title(), category.language(), category.state());
            for (Phrase phrase : category.phrases()) {
                showPhrase(phrase, true);
            }
            term.blank();
            if (ask("Practise these phrases? (y/N): ").trim().equalsIgnoreCase("y")) {
                practise(category);
            }
        }
    }

    private void showPhrase(Phrase phrase, boolean withTranslation) {
        term.line("  " + Terminal.sanitize(phrase.dutch()));
        if (phrase.say() != null) {
            rtlOrLtr("    say: ", Terminal.sanitize(phrase.say()), primaryLanguage(), null);
        }
        if (withTranslation) {
            rtlOrLtr("    = ", Terminal.sanitize(phrase.translation()), phrase.language(), phrase.state());
        }
        if (phrase.note() != null) {
            term.line("    (" + Terminal.isolate(Terminal.sanitize(phrase.note())) + ")");
        }
    }

    /** Shows the translation, lets the reader recall the Dutch, reveals it; counts known and unknown. */
    private void practise(PhraseCategory category) {
        int known = 0;
        int unknown = 0;
        for (Phrase phrase : category.phrases()) {
            term.blank();
            rtlOrLtr("", Terminal.sanitize(phrase.translation()), phrase.language(), phrase.state());
            ask("Say it in Dutch, then press Enter to see it.");
            showPhrase(phrase, false);
            if (ask("Did you know it? (y/N): ").trim().equalsIgnoreCase("y")) {
                known++;
            } else {
                unknown++;
            }
        }
        term.blank();
        term.line("Known: " + known + " · still learning: " + unknown);
    }

    private String primaryLanguage() {
        List<String> languages = welkom.languages();
        return languages.isEmpty() ? "nl" : languages.get(0);
    }

    // ---- 4 journey and tasks --------------------------------------------------------------

    private void journey() {
        if (!welkom.session().isPresent()) {
            term.line("Activate this phone first (menu 1).");
            return;
        }
        showNotices();
        while (true) {
            List<Household> households = welkom.households();
            term.blank();
            if (households.isEmpty()) {
                term.line("Your journey appears here after the first sync (menu 5).");
                return;
            }
            Household h;
            if (households.size() == 1) {
                h = households.get(0);
            } else {
                term.line("Families you support");
                for (int i = 0; i < households.size(); i++) {
                    term.line(String.format(Locale.ROOT, "%2d  %s", i + 1,
                            Terminal.isolate(Terminal.sanitize(households.get(i).displayName()))));
                }
                int choice = choose("Family number (Enter to go back): ", 1, households.size(), true);
                if (choice < 0) {
                    return;
                }
                h = households.get(choice - 1);
            }
            boolean back = household(h);
            if (back && households.size() == 1) {
                return;
            }
        }
    }

    /** One household's journey and tasks; returns when the reader goes back. */
    private boolean household(Household h) {
        while (true) {
            List<Task> tasks = welkom.tasks(h.id());
            Set<String> pending = welkom.pendingTaskIds();
            term.blank();
            term.line("Journey · " + Terminal.isolate(Terminal.sanitize(h.displayName())));
            if (h.stage() != null) {
                term.line("Stage: " + humanize(h.stage().name()) + " (" + (h.stage().ordinal() + 1) + " of "
                        + JourneyStage.values().length + ")");
            }
            if (tasks.isEmpty()) {
                term.line("No tasks yet.");
                return true;
            }
            JourneyStage shownStage = null;
            for (int i = 0; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                if (t.stage() != shownStage && t.stage() != null) {
                    shownStage = t.stage();
                    term.line("  " + humanize(shownStage.name()));
                }
                taskLine(i + 1, t, pending.contains(t.id()));
            }
            if (!pending.isEmpty()) {
                term.line(changes(welkom.pendingChanges()) + " waiting to sync.");
            }
            int choice = choose("Type a task number to tick it, reopen it or write a note (Enter to go back): ",
                    1, tasks.size(), true);
            if (choice < 0) {
                return true;
            }
            task(tasks.get(choice - 1));
        }
    }

    /** One task: tick or reopen it, write or clear its note. Everything works offline. */
    private void task(Task task) {
        String[] title = title(task);
        term.blank();
        if (rtl(title[1])) {
            term.line("== " + title[0] + " ==", true);
        } else {
            term.line("== " + title[0] + " ==");
        }
        if (task.note() != null) {
            term.line("Note: " + Terminal.isolate(Terminal.sanitize(task.note())));
        }
        boolean done = task.status() == TaskStatus.DONE;
        term.line(" 1  " + (done ? "Reopen (not done after all)" : "Mark done"));
        term.line(" 2  " + (task.note() == null ? "Write a note" : "Change the note"));
        if (task.note() != null) {
            term.line(" 3  Remove the note");
        }
        int choice = choose("Choice (Enter to go back): ", 1, task.note() == null ? 2 : 3, true);
        if (choice == 1) {
            Task now = done ? welkom.reopenTask(task.id()) : welkom.completeTask(task.id());
            term.line((now.status() == TaskStatus.DONE ? "Marked done" : "Reopened") + " on this phone; waiting to sync.");
        } else if (choice == 2) {
            String note = ask("Your note, up to " + Welkom.MAX_NOTE_LENGTH + " characters (Enter to cancel): ");
            if (note.isEmpty()) {
                return;
            }
            if (note.codePointCount(0, note.length()) > Welkom.MAX_NOTE_LENGTH) {
                term.line("That note is too long; please keep it under " + Welkom.MAX_NOTE_LENGTH + " characters.");
                return;
            }
            welkom.setTaskNote(task.id(), note);
            term.line("Note saved on this phone; waiting to sync.");
        } else if (choice == 3) {
            welkom.setTaskNote(task.id(), "");
            term.line("Note removed on this phone; waiting to sync.");
        }
    }

    private void taskLine(int number, Task t, boolean pending) {
        String[] title = title(t);
        String box = t.status() == TaskStatus.DONE ? "[x]" : "[ ]";
        if (rtl(title[1])) {
            term.line(number + "  " + box + " " + title[0], true);
        } else {
            term.line(String.format(Locale.ROOT, "%4d  %s %s", number, box, title[0]));
        }
        StringBuilder details = new StringBuilder("         ");
        details.append(t.assignee() == null ? "someone" : humanize(t.assignee().name()).toLowerCase(Locale.ROOT));
        if (t.status() == TaskStatus.DONE) {
            details.append(" · done");
            if (t.completedAt() != null && t.completedAt().length() >= 10) {
                details.append(' ').append(Terminal.sanitize(t.completedAt().substring(0, 10)));
            }
        } else if (t.dueDate() != null) {
            details.append(" · due ").append(Terminal.sanitize(t.dueDate()));
        }
        List<String> chain = welkom.languages();
        if (!chain.isEmpty() && !chain.get(0).equals(title[1])) {
            details.append(" · [").append(Terminal.sanitize(title[1])).append(']');
        }
        if (pending) {
            details.append(" · ⟳ waiting to sync");
        }
        term.line(details.toString());
        if (t.note() != null) {
            // The note is the household's own text, in any script: isolated so an Arabic note
            // cannot reorder the English label around it.
            term.line("         note: " + Terminal.isolate(Terminal.sanitize(firstLine(t.note()))));
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " …";
    }

    /** The task title in the first language of the chain that has one, then Dutch: {title, language}. */
    private String[] title(Task t) {
        Map<String, String> titles = t.titles() == null ? Collections.<String, String>emptyMap() : t.titles();
        List<String> order = new ArrayList<>(welkom.languages());
        order.add("nl");
        for (String code : order) {
            String title = titles.get(code);
            if (title != null) {
                return new String[] {Terminal.sanitize(title), code};
            }
        }
        for (Map.Entry<String, String> e : titles.entrySet()) {
            return new String[] {Terminal.sanitize(e.getValue()), e.getKey()};
        }
        return new String[] {"(untitled task)", "en"};
    }

    // ---- 5 sync ---------------------------------------------------------------------------

    private void sync() {
        if (!welkom.session().isPresent()) {
            term.line("Activate this phone first (menu 1).");
            return;
        }
        term.line("Syncing…");
        SyncListener bar = (phase, done, total, bytes) -> term.overwrite(progress(phase, done, total, bytes));
        try {
            SyncResult r = welkom.sync(bar);
            term.blank();
            StringBuilder sb = new StringBuilder("Up to date. ");
            sb.append(changes(r.pushed())).append(" sent");
            if (r.conflicts() > 0) {
                sb.append(" (").append(r.conflicts()).append(" also changed by someone else)");
            }
            if (r.rejected() > 0) {
                sb.append(", ").append(r.rejected()).append(" not accepted");
            }
            sb.append(", ").append(r.pulled()).append(r.pulled() == 1 ? " update" : " updates").append(" received");
            sb.append(r.contentUpdated() ? ", lessons updated" : "");
            sb.append(String.format(Locale.ROOT, " · %.1f KB.", r.bytesReceived() / 1024.0));
            term.line(sb.toString());
        } catch (WelkomOfflineException e) {
            term.blank();
            int pending = welkom.pendingChanges();
            term.line(pending == 0
                    ? "No connection right now. Nothing is lost; sync again when you are online."
                    : "No connection right now. Kept on this phone: " + changes(pending)
                            + ", sent at the next sync.");
        } catch (WelkomApiException e) {
            term.blank();
            if (e.isDeviceRevoked()) {
                term.line("This phone was disconnected by your municipality, and your family's data was removed"
                        + " from it. If this is your phone, ask your officer for a new activation code (menu 1).");
                return;
            } else if (e.isUnauthorized()) {
                term.line("This phone needs to be connected again. Ask your officer for a new activation code"
                        + " (menu 1), or sign in again (menu 6). Kept on this phone: "
                        + changes(welkom.pendingChanges()) + ".");
            } else {
                term.line("The server could not sync: " + describe(e.problem()));
            }
        } catch (WelkomException e) {
            term.blank();
            term.line("Sync failed: " + e.getMessage());
        }
        showNotices();
    }

    /**
     * Tells the reader about edits the server did not take as made (refused, overwrote someone
     * else's change, or dropped with a household that left), then dismisses them: they were kept in
     * the store exactly so that this message is never missed, even after a failed sync.
     */
    private void showNotices() {
        List<SyncNotice> notices = welkom.notices();
        if (notices.isEmpty()) {
            return;
        }
        term.blank();
        List<String> shown = new ArrayList<>();
        for (SyncNotice n : notices) {
            term.line(notice(n));
            shown.add(n.id());
        }
        welkom.dismissNotices(shown);
    }

    private String notice(SyncNotice n) {
        String what = edit(n.mutation());
        String where = taskTitle(n.taskId());
        switch (n.kind()) {
            case CONFLICT:
                return "! Also changed by someone else: " + what + " on " + where
                        + " was saved last. Your officer can see both versions.";
            case DISCARDED:
                return "! Not sent: " + what + " on " + where + ". This family is no longer shared with this phone.";
            case REJECTED:
            default:
                return "! Not accepted: " + what + " on " + where
                        + (n.detail() == null ? "" : " (" + Terminal.sanitize(n.detail()) + ")")
                        + ". The task shows the server's version again.";
        }
    }

    private static String edit(Mutation m) {
        if (m.type() == null) {
            return "your change";
        }
        switch (m.type()) {
            case TASK_COMPLETE:
                return "ticking it done";
            case TASK_REOPEN:
                return "reopening it";
            case TASK_SET_NOTE:
                return m.value() == null || m.value().isEmpty() ? "removing the note"
                        : "your note " + Terminal.isolate("“" + Terminal.sanitize(firstLine(m.value())) + "”");
            default:
                return "your change";
        }
    }

    /** The task's title in the reader's language, isolated (it may be right-to-left inside an English line). */
    private String taskTitle(String taskId) {
        for (Task t : welkom.tasks()) {
            if (t.id().equals(taskId)) {
                return Terminal.isolate("“" + title(t)[0] + "”");
            }
        }
        return "a task that is no longer on this phone";
    }

    /** {@code [########------------] Receiving updates 12 · 3.4 KB}: phases share one bar. */
    static String progress(SyncListener.Phase phase, int done, int total, long bytes) {
        double fraction;
        String label;
        switch (phase) {
            case PUSH:
                fraction = 0.4 * (total <= 0 ? 1 : (double) done / total);
                label = "Sending changes " + done + "/" + total;
                break;
            case PULL:
                fraction = 0.4 + 0.4 * (done == 0 ? 0 : 1 - 1.0 / (1 + done));
                label = "Receiving updates " + done;
                break;
            case CONTENT:
                fraction = 0.8 + 0.2 * (total <= 0 ? 1 : (double) done / total);
                label = "Updating lessons";
                break;
            default:
                fraction = 1;
                label = "Done";
                break;
        }
        int filled = (int) Math.round(20 * Math.min(1, fraction));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            sb.append(i < filled ? '#' : '-');
        }
        return sb.append("] ").append(label).append(" · ")
                .append(String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)).toString();
    }

    // ---- input ----------------------------------------------------------------------------

    /** One line of input, trimmed; end of input ends the companion. */
    private String ask(String prompt) {
        term.prompt(prompt);
        try {
            String line = in.readLine();
            if (line == null) {
                throw new EndOfInput();
            }
            return line.trim();
        } catch (IOException e) {
            throw new EndOfInput();
        }
    }

    /**
     * A number from {@code min} to {@code max}; asks again on anything else. With {@code allowBack}
     * an empty line returns -1.
     */
    private int choose(String prompt, int min, int max, boolean allowBack) {
        while (true) {
            String line = ask(prompt);
            if (line.isEmpty()) {
                if (allowBack) {
                    return -1;
                }
                continue;
            }
            try {
                int n = Integer.parseInt(line);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            term.line("Please type a number from " + min + " to " + max + (allowBack ? ", or just Enter." : "."));
        }
    }

    private static String describe(Problem p) {
        String title = Terminal.sanitize(p.title());
        return p.detail() == null ? title : title + " (" + Terminal.sanitize(p.detail()) + ")";
    }

    private static String changes(int n) {
        return n == 1 ? "1 change" : n + " changes";
    }

    private static String humanize(String enumName) {
        String s = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
