package org.itsm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void nearestRankPercentilesAreAlwaysSamples() {
        long[] sorted = { 1, 2, 3, 4 };
        assertEquals(2, LatencyStats.percentile(sorted, 50));
        assertEquals(4, LatencyStats.percentile(sorted, 95));
        assertEquals(1, LatencyStats.percentile(sorted, 1));
        assertEquals(4, LatencyStats.percentile(sorted, 100));
        assertEquals(7, LatencyStats.percentile(new long[] { 7 }, 99));
    }

    @Test
    void p99OfTwoHundredIsTheHundredAndNinetyEighth() {
        long[] sorted = LongStream.rangeClosed(1, 200).toArray();
        assertEquals(100, LatencyStats.percentile(sorted, 50));
        assertEquals(190, LatencyStats.percentile(sorted, 95));
        assertEquals(198, LatencyStats.percentile(sorted, 99));
    }

    @Test
    void percentileOutsideRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new long[] { 1 }, 0));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new long[] { 1 }, 101));
    }

    @Test
    void statsOfUnsortedNanosInMilliseconds() {
        long[] nanos = { 30 * MS, 10 * MS, 20 * MS, 40 * MS + MS / 2 };
        LatencyStats stats = LatencyStats.ofNanos("event-propagation", nanos, 1);
        assertEquals(4, stats.count());
        assertEquals(20.0, stats.p50Ms(), 1e-9);
        assertEquals(40.5, stats.p99Ms(), 1e-9);
        assertEquals(40.5, stats.maxMs(), 1e-9);
        assertEquals(1, stats.failed());
        assertEquals(30 * MS, nanos[0], "the caller's array is left as it was");
    }

    @Test
    void resultLineIsOneMachineReadableLine() {
        LatencyStats stats = LatencyStats.ofNanos("kafka-produce-consume", new long[] { 1_234_567, 2 * MS, 3 * MS }, 0);
        assertEquals("RESULT kafka-produce-consume 2.00 3.00 3.00 3.00 0 3", stats.resultLine());
    }

    @Test
    void withoutSamplesTheLatenciesReadNotAvailable() {
        LatencyStats stats = LatencyStats.ofNanos("event-propagation", new long[0], 5);
        assertEquals("RESULT event-propagation n/a n/a n/a n/a 5 0", stats.resultLine());
        assertTrue(stats.humanLine().contains("(0 samples, 5 failed)"), stats.humanLine());
    }

    @Test
    void humanLineNamesEveryFigure() {
        String line = LatencyStats.ofNanos("event-propagation", new long[] { 12_345_678 }, 0).humanLine();
        assertTrue(line.startsWith("event-propagation"), line);
        assertTrue(line.contains("p50    12.35 ms"), line);
        assertTrue(line.contains("max    12.35 ms"), line);
    }

    @Test
    void aNameIsOneWordSoTheLineSplitsOnSpaces() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.ofNanos("event propagation", new long[0], 0));
    }
}
