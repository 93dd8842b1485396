package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.itsm.events.catalog.BusinessHours;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessHours OFFICE = new BusinessHours("Europe/Paris",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), LocalTime.of(9, 0), LocalTime.of(17, 0),
            List.of(LocalDate.of(2026, 12, 28)));

    @Test
    void withoutBusinessHoursTimeRunsAroundTheClock() {
        Instant from = Instant.parse("2026-11-27T22:00:00Z");
        assertEquals(from.plus(Duration.ofHours(8)), new BusinessCalendar(null).addWorkingTime(from, Duration.ofHours(8)));
    }

    @Test
    void workWithinTheSameDayStaysThere() {
        // Friday 2026-11-27 10:00 Paris (09:00Z) + 3h = 13:00 Paris
        assertEquals(Instant.parse("2026-11-27T12:00:00Z"),
                new BusinessCalendar(OFFICE).addWorkingTime(Instant.parse("2026-11-27T09:00:00Z"), Duration.ofHours(3)));
    }

    @Test
    void fridayAfternoonRollsOverTheWeekend() {
        // Friday 15:00 Paris + 8h: 2h on Friday, 6h on Monday from 09:00 -> Monday 15:00 Paris (14:00Z)
        assertEquals(Instant.parse("2026-11-30T14:00:00Z"),
                new BusinessCalendar(OFFICE).addWorkingTime(Instant.parse("2026-11-27T14:00:00Z"), Duration.ofHours(8)));
    }

    @Test
    void beforeOpeningCountsFromOpeningAndHolidaysAreSkipped() {
        // Saturday 2026-12-26 -> Monday 28th is a holiday -> Tuesday 29th 09:00 + 1h = 10:00 Paris (09:00Z)
        assertEquals(Instant.parse("2026-12-29T09:00:00Z"),
                new BusinessCalendar(OFFICE).addWorkingTime(Instant.parse("2026-12-26T10:00:00Z"), Duration.ofHours(1)));
    }

    @Test
    void badCalendarsAreExplained() {
        List<String> problems = BusinessCalendar.problems(new BusinessHours("Mars/Olympus", List.of("FUNDAY"),
                LocalTime.of(17, 0), LocalTime.of(9, 0), null));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(BusinessCalendar.problems(OFFICE).isEmpty());
    }
}
