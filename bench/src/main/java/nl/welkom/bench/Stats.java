package nl.welkom.bench;

import java.util.Arrays;

/** Latency summary of one series, in milliseconds. */
record Stats(int n, double median, double p95, double min, double max) {

    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(sorted[0]), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
