package org.itsm.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency figures of one measurement: nearest-rank percentiles (the value below which p % of the samples lie,
 * always one of the samples, never interpolated), the maximum, and how many attempts produced no sample.
 *
 * <p>Machine-readable form, one line read by bench/run (like wrk-report.lua's line):
 * {@code RESULT <name> <p50 ms> <p95 ms> <p99 ms> <max ms> <failed> <count>}, where count is the number of
 * samples and failed the attempts that gave none (not seen within the timeout, or an error). Without samples the
 * latencies read {@code n/a}.
 */
public record LatencyStats(String name, int count, double p50Ms, double p95Ms, double p99Ms, double maxMs,
        int failed) {

    private static final double NANOS_PER_MS = 1_000_000.0;

    public LatencyStats {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A measurement name is one word: " + name);
        }
    }

    /** Figures of the given latencies in nanoseconds (the array is not changed). */
    public static LatencyStats ofNanos(String name, long[] nanos, int failed) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(name, sorted.length, percentile(sorted, 50) / NANOS_PER_MS,
                percentile(sorted, 95) / NANOS_PER_MS, percentile(sorted, 99) / NANOS_PER_MS,
                percentile(sorted, 100) / NANOS_PER_MS, failed);
    }

    /**
     * Nearest-rank percentile of ascending values: the value at rank ceil(p / 100 * n), so p50 of 1..4 is 2 and
     * p99 of 200 samples is the 198th. NaN when there are no values.
     */
    static double percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("A percentile lies in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public String resultLine() {
        return "RESULT %s %s %s %s %s %d %d".formatted(name, ms(p50Ms), ms(p95Ms), ms(p99Ms), ms(maxMs), failed,
                count);
    }

    /** For a person reading the run: {@code name  p50 12.3 ms  p95 ...  (200 samples, 0 failed)}. */
    public String humanLine() {
        return "%-22s p50 %8s ms   p95 %8s ms   p99 %8s ms   max %8s ms   (%d samples, %d failed)".formatted(name,
                ms(p50Ms), ms(p95Ms), ms(p99Ms), ms(maxMs), count, failed);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
