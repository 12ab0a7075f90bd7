package nl.welkom.client.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.Test;

import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.OutputMode;

/**
 * A smoke test of what an app build does with the library: D8 turns the adapter and every jar it
 * pulls in into dex for min-api 26 (records desugared, Java 8+ APIs checked against the framework),
 * as an Android Gradle build would. It fails on any D8 error or warning.
 */
public class DexSmokeIT {

    @Test
    public void theAdapterAndEverythingItPullsInDexAtMinApi26() throws IOException, CompilationFailedException {
        List<Path> program = new ArrayList<>();
        program.add(Paths.get(System.getProperty("welkom.adapter.jar")));
        String classpath = new String(Files.readAllBytes(Paths.get(System.getProperty("welkom.app.classpath"))),
                StandardCharsets.UTF_8).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            program.add(Paths.get(entry));
        }
        Path out = Files.createTempDirectory("welkom-dex");
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        DiagnosticsHandler diagnostics = new DiagnosticsHandler() {
            @Override
            public void error(Diagnostic d) {
                errors.add(d.getDiagnosticMessage());
            }

            @Override
            public void warning(Diagnostic d) {
                warnings.add(d.getDiagnosticMessage());
            }
        };
        D8.run(D8Command.builder(diagnostics)
                .addProgramFiles(program)
                // The framework; Robolectric's android-all has no java.*, which comes from the running JDK
                // (what API 26 has of java.* is animal-sniffer's check).
                .addLibraryFiles(Paths.get(System.getProperty("welkom.android-all.jar")))
                .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
                .setMinApiLevel(26)
                .setMode(CompilationMode.RELEASE)
                .setOutput(out, OutputMode.DexIndexed)
                .build());

        assertEquals(new ArrayList<String>(), errors);
        assertEquals("no class the code needs is missing from API 26's framework", new ArrayList<String>(), warnings);
        long dexBytes;
        List<Path> dexFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            files.filter(p -> p.getFileName().toString().endsWith(".dex")).forEach(dexFiles::add);
        }
        assertTrue("D8 wrote classes.dex", dexFiles.contains(out.resolve("classes.dex")));
        dexBytes = 0;
        for (Path dex : dexFiles) {
            dexBytes += Files.size(dex);
        }
        System.out.printf(Locale.ROOT, "[dex] %d jars → %d dex file(s), %d bytes at min-api 26 (D8, release, no shrinking)%n",
                program.size(), dexFiles.size(), dexBytes);
    }
}
