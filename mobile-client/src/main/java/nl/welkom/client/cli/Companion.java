package nl.welkom.client.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import nl.welkom.client.Welkom;
import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.i18n.Messages;

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


    private final Welkom welkom;
    private final Ui ui;

    Companion(Welkom welkom, Ui ui) {
        this.welkom = welkom;
        this.ui = ui;
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
        Bundle bundle = Bundle.load(Bundle.COMPANION);
        // Before the store is open the reader's languages are unknown: the operator's words are English.
        Messages boot = bundle.messages(Collections.<String>emptyList());
        String server = "http://localhost:8080";
        String data = "./companion-data";
        int width = widthFrom(System.getenv("COLUMNS"), 80);
        RetrySchedule retry = RetrySchedule.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if ("--server".equals(arg) && hasValue) {
                server = args[++i];
            } else if ("--data".equals(arg) && hasValue) {
                data = args[++i];
            } else if ("--retry".equals(arg) && hasValue) {
                try {
                    retry = RetrySchedule.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    out.println(boot.text("cli.bad_retry"));
                    out.println(boot.text("cli.usage"));
                    return 2;
                }
            } else if ("--width".equals(arg) && hasValue) {
                width = widthFrom(args[++i], width);
            } else if ("--help".equals(arg) || "-h".equals(arg)) {
                out.println(boot.text("cli.usage"));
                return 0;
            } else {
                out.println(boot.text("cli.unknown_argument", arg));
                out.println(boot.text("cli.usage"));
                return 2;
            }
        }
        SqliteLocalStore store;
        try {
            File directory = new File(data);
            if (!directory.isDirectory() && !directory.mkdirs()) {
                out.println(boot.text("cli.cannot_create_data", data));
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
            out.println(boot.text("cli.cannot_open_data", data, e.getMessage()));
            return 1;
        }
        try {
            Welkom welkom;
            try {
                welkom = Welkom.builder().baseUrl(server).store(store).build();
            } catch (IllegalArgumentException e) {
                out.println(boot.text("cli.bad_server", server));
                out.println(boot.text("cli.usage"));
                return 2;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            boolean console = stdin == System.in && System.console() != null;
            Ui ui = new Ui(new Terminal(out, width), in, console, welkom, bundle);
            ui.term.line("Welkom · " + server);
            try (AutoSync autoSync = new AutoSync(welkom, retry)) {
                ui.useAutoSync(autoSync);
                new Companion(welkom, ui).loop();
            }
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

    // ---- main loop ------------------------------------------------------------------------

    /** The language choice on a new phone, then the home screen until Quit or end of input. */
    void loop() {
        try {
            if (welkom.languages().isEmpty()) {
                while (!new LanguageScreen(ui, welkom).show(true)) {
                    // the first start has no "back"
                }
            }
            while (true) {
                HomeScreen.Action action = new HomeScreen(ui, welkom).show();
                if (action == HomeScreen.Action.QUIT) {
                    ui.say(ui.t("goodbye"));
                    return;
                }
                try {
                    open(action);
                } catch (RuntimeException e) {
                    // Whatever a screen trips over (a store failure, data from a newer server), the
                    // companion stays up; edits are in the store, so nothing is lost.
                    ui.say(ui.t("error.generic"));
                }
            }
        } catch (Ui.EndOfInput e) {
            ui.blank();
            ui.say(ui.t("goodbye"));
        }
    }

    private void open(HomeScreen.Action action) {
        switch (action) {
            case ACTIVATE: new ActivationScreen(ui, welkom).activate(); break;
            case LANGUAGE: new LanguageScreen(ui, welkom).show(false); break;
            case LESSONS: new LessonsScreen(ui, welkom).show(); break;
            case JOURNEY:
            case FAMILIES: new JourneyScreen(ui, welkom).show(); break;
            case SYNC: new SyncScreen(ui, welkom).sync(); break;
            case SIGN_IN: new ActivationScreen(ui, welkom).signIn(); break;
            case SIGN_OUT: new ActivationScreen(ui, welkom).signOut(); break;
            case COURSE: new CourseScreen(ui, welkom).show(); break;
            case COURSE_PROGRESS: new CourseScreen(ui, welkom).progressOfFamilies(); break;
            case PHRASEBOOK: new PhrasebookScreen(ui, welkom).show(); break;
            case PLACES: new PlacesScreen(ui, welkom).show(); break;
            case ASK: new QuestionScreen(ui, welkom).ask(null); break;
            case MESSAGES: new MessagesScreen(ui, welkom).show(); break;
            case ANNOUNCEMENTS: new AnnouncementsScreen(ui, welkom).show(); break;
            case APPOINTMENTS: new AppointmentsScreen(ui, welkom).show(); break;
            case MEETINGS: new MeetingLogScreen(ui, welkom).show(); break;
            default: break;
        }
    }
}
