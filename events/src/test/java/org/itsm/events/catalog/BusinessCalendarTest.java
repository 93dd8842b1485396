package org.itsm.events.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessHours OFFICE = new BusinessHours("Europe/Paris",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), LocalTime.of(9, 0), LocalTime.of(17, 0),
            List.of(LocalDate.of(2026, 12, 28)));
    private static final BusinessCalendar PARIS_OFFICE = BusinessCalendar.of(OFFICE);

    @Test
    void withoutBusinessHoursTimeRunsAroundTheClock() {
        Instant from = Instant.parse("2026-11-27T22:00:00Z");
        assertEquals(BusinessCalendar.ALWAYS, BusinessCalendar.of(null));
        assertEquals(from.plus(Duration.ofHours(8)), BusinessCalendar.ALWAYS.plus(from, Duration.ofHours(8)));
        assertEquals(Duration.ofHours(30), BusinessCalendar.ALWAYS.between(from, from.plus(Duration.ofHours(30))));
    }

    @Test
    void workWithinTheSameDayStaysThere() {
        // Friday 2026-11-27 10:00 Paris (09:00Z) + 3h = 13:00 Paris
        assertEquals(Instant.parse("2026-11-27T12:00:00Z"),
                PARIS_OFFICE.plus(Instant.parse("2026-11-27T09:00:00Z"), Duration.ofHours(3)));
    }

    @Test
    void fridayAfternoonRollsOverTheWeekend() {
        // Friday 15:00 Paris + 8h: 2h on Friday, 6h on Monday from 09:00 -> Monday 15:00 Paris (14:00Z)
        Instant friday = Instant.parse("2026-11-27T14:00:00Z");
        Instant monday = Instant.parse("2026-11-30T14:00:00Z");
        assertEquals(monday, PARIS_OFFICE.plus(friday, Duration.ofHours(8)));
        assertEquals(Duration.ofHours(8), PARIS_OFFICE.between(friday, monday), "between is plus read backwards");
    }

    @Test
    void beforeOpeningCountsFromOpeningAndHolidaysAreSkipped() {
        // Saturday 2026-12-26 -> Monday 28th is a holiday -> Tuesday 29th 09:00 + 1h = 10:00 Paris (09:00Z)
        assertEquals(Instant.parse("2026-12-29T09:00:00Z"),
                PARIS_OFFICE.plus(Instant.parse("2026-12-26T10:00:00Z"), Duration.ofHours(1)));
        assertEquals(Duration.ZERO, PARIS_OFFICE.between(Instant.parse("2026-12-26T10:00:00Z"),
                Instant.parse("2026-12-28T16:00:00Z")), "a weekend and a holiday hold no working time");
    }

    @Test
    void startEqualToEndIsTheWholeWorkingDay() {
        BusinessCalendar weekdays = BusinessCalendar.of(new BusinessHours("UTC",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, null));
        // Friday 20:00Z + 6h: 4h on Friday, 2h from Monday 00:00
        assertEquals(Instant.parse("2026-11-30T02:00:00Z"),
                weekdays.plus(Instant.parse("2026-11-27T20:00:00Z"), Duration.ofHours(6)));
    }

    @Test
    void badCalendarsAreExplainedAndRefused() {
        List<String> problems = BusinessCalendar.problems(new BusinessHours("Mars/Olympus", List.of("FUNDAY"),
                LocalTime.of(17, 0), LocalTime.of(9, 0), null));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(BusinessCalendar.problems(OFFICE).isEmpty());
        assertTrue(BusinessCalendar.problems(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(new BusinessHours("UTC", List.of(),
                LocalTime.of(9, 0), LocalTime.of(17, 0), null)));
    }
}
