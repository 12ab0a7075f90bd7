package nl.welkom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

/**
 * Where the machine's CPU time goes during a run, from Linux's {@code /proc}: the backend's JVM, the
 * PostgreSQL server's processes (every process named {@code postgres}), and the rest (wrk, the bench,
 * the writer's client, the system). All three share the same cores in the bench, so a request's cost
 * on PostgreSQL includes the database's own CPU, which a deployment with the database on its own
 * machine would not take from the backend.
 */
final class CpuMeter {
    /** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream architecture). */
    private static final double TICKS_PER_SECOND = 100;

    private final long backendPid;

    CpuMeter(long backendPid) {
        this.backendPid = backendPid;
    }

    /** CPU ticks used so far. */
    record Sample(long backend, long postgres, long busy, long nanos) {
    }

    Sample sample() throws IOException {
        return new Sample(ticksOf(Path.of("/proc/" + backendPid + "/stat")), postgresTicks(), busyTicks(), System.nanoTime());
    }

    /**
     * The shares of the machine's busy time between two samples, and the CPU microseconds per request
     * of the backend and of PostgreSQL.
     */
    static JsonObject between(Sample start, Sample end, double requests) {
        long busy = Math.max(1, end.busy() - start.busy());
        long backend = end.backend() - start.backend();
        long postgres = end.postgres() - start.postgres();
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        JsonObject cpu = new JsonObject();
        cpu.addProperty("busyCores", LoadBench.round(busy / TICKS_PER_SECOND / seconds, 2));
        cpu.addProperty("backendShare", LoadBench.round((double) backend / busy, 3));
        cpu.addProperty("postgresShare", LoadBench.round((double) postgres / busy, 3));
        cpu.addProperty("restShare", LoadBench.round((double) (busy - backend - postgres) / busy, 3));
        cpu.addProperty("backendMicrosPerRequest", LoadBench.round(backend / TICKS_PER_SECOND * 1e6 / requests, 0));
        cpu.addProperty("postgresMicrosPerRequest", LoadBench.round(postgres / TICKS_PER_SECOND * 1e6 / requests, 0));
        return cpu;
    }

    /** utime + stime of one process, 0 when it is gone. */
    private static long ticksOf(Path stat) {
        try {
            String line = Files.readString(stat);
            // Fields after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks() throws IOException {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit) && isPostgres(process)) {
                    sum += ticksOf(process.resolve("stat"));
                }
            }
        }
        return sum;
    }

    private static boolean isPostgres(Path process) {
        try {
            return "postgres".equals(Files.readString(process.resolve("comm")).trim());
        } catch (IOException e) {
            return false;
        }
    }

    /** The machine's busy ticks: everything but idle and waiting for I/O, over all cores. */
    private static long busyTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }
}
