package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.itsm.events.catalog.BusinessCalendar;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Mon–Fri 09:00–17:00 Paris, 25 December a holiday. */
    private static final BusinessCalendar OFFICE = new BusinessCalendar(PARIS,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2026, 12, 25)));

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void atRiskMomentIsTheShareOfTheTargetPlusPauses() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SlaClock clock = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ofMinutes(10),
                null, null, 0.75);
        assertEquals(start.plus(Duration.ofMinutes(85)), clock.atRiskAt(start));
        assertEquals(start.plus(Duration.ofMinutes(110)), clock.dueAt(start));
    }

    @Test
    void aPauseAfterTheClockStoppedCountsNothingAgainstIt() {
        // response clock: 15 min target, responded after 20 min (missed); a hold of an hour comes after that
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        Instant responded = start.plus(Duration.ofMinutes(20));
        SlaClock response = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(15), Duration.ZERO, null,
                responded, 0.75);
        Duration counted = response.pauseCounted(start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(90)));
        assertEquals(Duration.ZERO, counted);
        SlaClock afterTheHold = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(15), counted, null,
                responded, 0.75);
        Instant later = start.plus(Duration.ofHours(2));
        assertEquals(SlaState.MISSED, afterTheHold.state(later));
        assertEquals(start.plus(Duration.ofMinutes(15)), afterTheHold.dueAt(later));
        // an ongoing pause that started after the stop counts nothing either
        SlaClock holdingNow = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(15), Duration.ZERO,
                start.plus(Duration.ofMinutes(30)), responded, 0.75);
        assertEquals(start.plus(Duration.ofMinutes(15)), holdingNow.dueAt(later));
    }

    @Test
    void aPauseCountsOnlyWhileTheClockRan() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SlaClock stoppedAt60 = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ZERO,
                null, start.plus(Duration.ofMinutes(60)), 0.75);
        assertEquals(Duration.ofMinutes(20),
                stoppedAt60.pauseCounted(start.plus(Duration.ofMinutes(40)), start.plus(Duration.ofMinutes(90))));
        SlaClock running = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ZERO, null,
                null, 0.75);
        assertEquals(Duration.ofMinutes(50),
                running.pauseCounted(start.plus(Duration.ofMinutes(40)), start.plus(Duration.ofMinutes(90))));
    }

    @Test
    void alwaysCalendarIsWallClock() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(start.plus(Duration.ofHours(4)), BusinessCalendar.ALWAYS.plus(start, Duration.ofHours(4)));
    }

    @Test
    void businessHoursSkipNightsAndWeekends() {
        // Friday 16:00 + 2 working hours = Monday 10:00
        assertEquals(paris("2026-11-30T10:00"), OFFICE.plus(paris("2026-11-27T16:00"), Duration.ofHours(2)));
        // logged Saturday: the clock starts Monday 09:00
        assertEquals(paris("2026-11-30T10:00"), OFFICE.plus(paris("2026-11-28T11:00"), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(2), OFFICE.between(paris("2026-11-27T16:00"), paris("2026-11-30T10:00")));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24 Dec 16:00 + 2 h: 1 h that day, Friday 25th a holiday, then the weekend, 1 h on Monday 28th
        assertEquals(paris("2026-12-28T10:00"), OFFICE.plus(paris("2026-12-24T16:00"), Duration.ofHours(2)));
    }

    @Test
    void daylightSavingChangeKeepsWorkingHours() {
        // DST ends Sunday 25 Oct 2026 in Paris; Friday 16:00 + 2 h is still Monday 10:00 local
        assertEquals(paris("2026-10-26T10:00"), OFFICE.plus(paris("2026-10-23T16:00"), Duration.ofHours(2)));
    }

    @Test
    void pausesMoveTheDueTimeAndStopTheElapsedTime() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SlaClock running = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofHours(4), Duration.ZERO, null,
                null, 0.75);
        SlaClock pausedAnHour = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofHours(4), Duration.ofHours(1),
                null, null, 0.75);
        assertEquals(start.plus(Duration.ofHours(4)), running.dueAt(start));
        assertEquals(start.plus(Duration.ofHours(5)), pausedAnHour.dueAt(start));
        Instant now = start.plus(Duration.ofHours(3));
        assertEquals(Duration.ofHours(2), pausedAnHour.elapsed(now));
    }

    @Test
    void currentPauseCountsUntilNow() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SlaClock paused = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofHours(4), Duration.ZERO,
                start.plus(Duration.ofHours(1)), null, 0.75);
        Instant now = start.plus(Duration.ofHours(10));
        assertEquals(SlaState.PAUSED, paused.state(now));
        assertEquals(Duration.ofHours(1), paused.elapsed(now));
    }

    @Test
    void atRiskThenBreachedThenMetOrMissed() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SlaClock clock = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ZERO, null,
                null, 0.75);
        assertEquals(SlaState.ON_TRACK, clock.state(start.plus(Duration.ofMinutes(74))));
        assertEquals(SlaState.AT_RISK, clock.state(start.plus(Duration.ofMinutes(75))));
        assertEquals(SlaState.BREACHED, clock.state(start.plus(Duration.ofMinutes(101))));
        SlaClock stoppedInTime = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ZERO,
                null, start.plus(Duration.ofMinutes(90)), 0.75);
        assertEquals(SlaState.MET, stoppedInTime.state(start.plus(Duration.ofDays(1))));
        SlaClock stoppedLate = new SlaClock(BusinessCalendar.ALWAYS, start, Duration.ofMinutes(100), Duration.ZERO,
                null, start.plus(Duration.ofMinutes(120)), 0.75);
        assertEquals(SlaState.MISSED, stoppedLate.state(start.plus(Duration.ofDays(1))));
    }
}
