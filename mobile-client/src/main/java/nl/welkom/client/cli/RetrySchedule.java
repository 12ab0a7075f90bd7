package nl.welkom.client.cli;

/**
 * When to try a failed sync again: soon at first, then less and less often (doubling), never more
 * rarely than {@code max}, and not at all once {@code giveUpAfter} has passed since the first
 * failure — a phone in a camp without a network should not burn its battery all day. Pure: the
 * caller keeps the clock and the count.
 */
final class RetrySchedule {

    /** 5 s, 10 s, 20 s … at most every 3 minutes, for half an hour. */
    static final RetrySchedule DEFAULT = new RetrySchedule(5_000, 180_000, 1_800_000);

    private final long initial;
    private final long max;
    private final long giveUpAfter;

    RetrySchedule(long initialMillis, long maxMillis, long giveUpAfterMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis || giveUpAfterMillis <= 0) {
            throw new IllegalArgumentException("A retry schedule needs 0 < initial <= max and a time to give up");
        }
        this.initial = initialMillis;
        this.max = maxMillis;
        this.giveUpAfter = giveUpAfterMillis;
    }

    /**
     * Parses {@code initial,max,giveUpAfter} in milliseconds (the companion's {@code --retry} option).
     *
     * @throws IllegalArgumentException when it is not three positive numbers in that order
     */
    static RetrySchedule parse(String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--retry needs initial,max,giveUp in milliseconds");
        }
        try {
            return new RetrySchedule(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()),
                    Long.parseLong(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--retry needs initial,max,giveUp in milliseconds", e);
        }
    }

    /**
     * The wait before the next try after {@code failures} failed tries in a row (1 after the first),
     * or -1 to stop trying: {@code elapsed} (since the first failure) has reached the limit.
     */
    long delayAfter(int failures, long elapsed) {
        if (failures < 1 || elapsed >= giveUpAfter) {
            return -1;
        }
        long delay = initial;
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }
}
