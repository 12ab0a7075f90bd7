package nl.welkom.logcheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

import nl.welkom.Fixtures;

/**
 * Personal data that must never reach a log: every person's name and every username in the test
 * fixtures and in each demo file ({@code demo/*.yaml}), and the fixture usernames; and how a log
 * event reads when searched for them.
 */
public final class Canaries {
    private static final Pattern NAME =
            Pattern.compile("(?m)^\\s*-?\\s*(?:displayName|firstName|lastName|username):\\s*(.+?)\\s*$");
    private static final Set<String> PEOPLE = load();

    private Canaries() {
    }

    /** The fixtures' and the demo's names and the fixture usernames. */
    public static Set<String> people() {
        return PEOPLE;
    }

    /** Each canary of {@code canaries} that {@code event} carries, as "canary in logger: text". */
    public static List<String> hits(ILoggingEvent event, Collection<String> canaries) {
        String text = text(event);
        return canaries.stream().filter(text::contains)
                .map(canary -> canary + " in " + event.getLoggerName() + ": " + text).toList();
    }

    /** The event's message, its MDC values and its causes' classes and messages. */
    static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        event.getMDCPropertyMap().values().forEach(value -> text.append(' ').append(value));
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static Set<String> load() {
        Set<String> canaries = new LinkedHashSet<>();
        canaries.addAll(names("fixtures/demo.yaml"));
        for (String file : demoFiles()) {
            canaries.addAll(names("demo/" + file));
        }
        canaries.addAll(List.of(Fixtures.OFFICER, Fixtures.BUDDY, Fixtures.OTHER_OFFICER, Fixtures.EDITOR, Fixtures.ADMIN));
        return Set.copyOf(canaries);
    }

    /** The YAML files of the demo folder on the test class path (target/classes/demo). */
    private static List<String> demoFiles() {
        try {
            URL folder = Canaries.class.getClassLoader().getResource("demo");
            if (folder == null || !"file".equals(folder.getProtocol())) {
                throw new IllegalStateException("the demo folder is not a directory on the class path: " + folder);
            }
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                        .sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The people's names and usernames in a demo file. */
    private static Set<String> names(String resource) {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = Canaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            Matcher matcher = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                names.add(matcher.group(1).replaceAll("^[\"']|[\"']$", ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
