package org.itsm.events.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final WeeklyRecurrence SUNDAY_NIGHT_PARIS = new WeeklyRecurrence("SUNDAY", LocalTime.of(2, 0),
            LocalTime.of(4, 0), "Europe/Paris");

    @Test
    void aOneOffWindowIsItsOwnOccurrenceWhenItMeetsTheRange() {
        TimeWindow once = new TimeWindow(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T12:00:00Z"),
                "once");
        assertEquals(List.of(once), once.occurrencesBetween(Instant.parse("2026-12-01T11:00:00Z"),
                Instant.parse("2026-12-02T00:00:00Z")));
        // half-open: ending at 10:00 does not meet a range starting at 12:00
        assertFalse(once.overlaps(Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-01T13:00:00Z")));
    }

    @Test
    void aWeeklyWindowRepeatsEveryWeekAtItsLocalTime() {
        TimeWindow weekly = new TimeWindow(null, null, "patch night", SUNDAY_NIGHT_PARIS);
        // December: Paris is UTC+1
        List<TimeWindow> found = weekly.occurrencesBetween(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-15T00:00:00Z"));
        assertEquals(List.of(
                new TimeWindow(Instant.parse("2026-12-06T01:00:00Z"), Instant.parse("2026-12-06T03:00:00Z"), "patch night"),
                new TimeWindow(Instant.parse("2026-12-13T01:00:00Z"), Instant.parse("2026-12-13T03:00:00Z"), "patch night")),
                found);
        assertTrue(weekly.overlaps(Instant.parse("2026-12-06T02:30:00Z"), Instant.parse("2026-12-06T05:00:00Z")));
        assertFalse(weekly.overlaps(Instant.parse("2026-12-06T03:00:00Z"), Instant.parse("2026-12-06T05:00:00Z")));
        assertTrue(weekly.covers(Instant.parse("2026-12-13T01:30:00Z"), Instant.parse("2026-12-13T02:30:00Z")));
        assertFalse(weekly.covers(Instant.parse("2026-12-13T01:30:00Z"), Instant.parse("2026-12-13T03:30:00Z")));
    }

    @Test
    void localTimesHoldAcrossDaylightSavingChanges() {
        TimeWindow weekly = new TimeWindow(null, null, "patch night", SUNDAY_NIGHT_PARIS);
        // 2027-03-28 02:00 does not exist in Paris (clocks go 02:00 → 03:00): the window starts at 03:00 CEST
        List<TimeWindow> spring = weekly.occurrencesBetween(Instant.parse("2027-03-20T00:00:00Z"),
                Instant.parse("2027-04-05T00:00:00Z"));
        assertEquals(Instant.parse("2027-03-21T01:00:00Z"), spring.get(0).start());
        assertEquals(Instant.parse("2027-03-28T01:00:00Z"), spring.get(1).start());
        assertEquals(Instant.parse("2027-03-28T02:00:00Z"), spring.get(1).end());
        // the week after, in summer time (UTC+2)
        assertEquals(Instant.parse("2027-04-04T00:00:00Z"), spring.get(2).start());
        assertEquals(Duration.ofHours(2), Duration.between(spring.get(2).start(), spring.get(2).end()));
        // 2026-10-25: 02:00-03:00 happens twice; the window starts at the first 02:00 (CEST) and lasts 3 h
        TimeWindow autumn = weekly.occurrencesBetween(Instant.parse("2026-10-24T00:00:00Z"),
                Instant.parse("2026-10-26T00:00:00Z")).get(0);
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), autumn.start());
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"), autumn.end());
    }

    @Test
    void anEndAtOrBeforeTheStartEndsTheNextDayAndReachesIntoTheRange() {
        TimeWindow overnight = new TimeWindow(null, null, "overnight",
                new WeeklyRecurrence("saturday", LocalTime.of(22, 0), LocalTime.of(6, 0), "Asia/Seoul"));
        // Saturday 2026-12-05 22:00 KST = 13:00Z, ends Sunday 06:00 KST = 21:00Z; a range starting Sunday still sees it
        List<TimeWindow> found = overnight.occurrencesBetween(Instant.parse("2026-12-05T20:00:00Z"),
                Instant.parse("2026-12-05T22:00:00Z"));
        assertEquals(List.of(new TimeWindow(Instant.parse("2026-12-05T13:00:00Z"),
                Instant.parse("2026-12-05T21:00:00Z"), "overnight")), found);
    }

    @Test
    void theBoundsLimitThePeriodTheRecurrenceAppliesIn() {
        TimeWindow bounded = new TimeWindow(Instant.parse("2026-12-06T01:30:00Z"), Instant.parse("2026-12-14T00:00:00Z"),
                "December only", SUNDAY_NIGHT_PARIS);
        List<TimeWindow> found = bounded.occurrencesBetween(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-01-31T00:00:00Z"));
        assertEquals(List.of(
                new TimeWindow(Instant.parse("2026-12-06T01:30:00Z"), Instant.parse("2026-12-06T03:00:00Z"), "December only"),
                new TimeWindow(Instant.parse("2026-12-13T01:00:00Z"), Instant.parse("2026-12-13T03:00:00Z"), "December only")),
                found);
    }

    @Test
    void unusableWindowsHaveNoOccurrences() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-31T00:00:00Z");
        assertTrue(new TimeWindow(null, null, "bad day",
                new WeeklyRecurrence("FUNDAY", LocalTime.NOON, LocalTime.MIDNIGHT, "UTC")).occurrencesBetween(from, to)
                .isEmpty());
        assertTrue(new TimeWindow(null, null, "bad zone",
                new WeeklyRecurrence("MONDAY", LocalTime.NOON, LocalTime.MIDNIGHT, "Mars/Olympus"))
                .occurrencesBetween(from, to).isEmpty());
        assertTrue(new TimeWindow(to, from, "reversed").occurrencesBetween(from, to).isEmpty());
    }
}
