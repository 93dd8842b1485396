package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.incident.domain.SlaTimeline.Interval;
import org.itsm.incident.domain.SlaTimeline.Kind;
import org.itsm.incident.domain.SlaTimeline.Pause;
import org.junit.jupiter.api.Test;

class SlaTimelineTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z"); // a Monday

    @Test
    void aClockWithoutPausesRunsFromStartToNow() {
        List<Interval> intervals = SlaTimeline.of(BusinessCalendar.ALWAYS, START, null, List.of(), at("10:30"));
        assertEquals(1, intervals.size());
        assertEquals(Kind.RUNNING, intervals.get(0).kind());
        assertNull(intervals.get(0).to(), "still running");
        assertEquals(Duration.ofMinutes(90), intervals.get(0).workingTime());
    }

    @Test
    void aFinishedPauseSplitsTheRunningTime() {
        List<Interval> intervals = SlaTimeline.of(BusinessCalendar.ALWAYS, START, at("12:00"),
                List.of(new Pause(at("10:00"), at("11:00"))), at("15:00"));
        assertEquals(List.of(Kind.RUNNING, Kind.PAUSED, Kind.RUNNING), intervals.stream().map(Interval::kind).toList());
        assertEquals(List.of(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
                intervals.stream().map(Interval::workingTime).toList());
        assertEquals(at("12:00"), intervals.get(2).to(), "stopped clocks end at the stop");
    }

    @Test
    void anOngoingPauseIsOpenEnded() {
        List<Interval> intervals = SlaTimeline.of(BusinessCalendar.ALWAYS, START, null,
                List.of(new Pause(at("09:30"), null)), at("10:00"));
        assertEquals(Kind.PAUSED, intervals.get(1).kind());
        assertNull(intervals.get(1).to());
        assertEquals(Duration.ofMinutes(30), intervals.get(1).workingTime());
    }

    @Test
    void aPauseAfterTheClockStoppedDoesNotCount() {
        List<Interval> intervals = SlaTimeline.of(BusinessCalendar.ALWAYS, START, at("09:20"),
                List.of(new Pause(at("10:00"), at("11:00"))), at("12:00"));
        assertEquals(1, intervals.size());
        assertEquals(Duration.ofMinutes(20), intervals.get(0).workingTime());
    }

    @Test
    void workingTimeFollowsTheCalendar() {
        BusinessCalendar officeHours = new BusinessCalendar(ZoneId.of("UTC"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        List<Interval> intervals = SlaTimeline.of(officeHours, at("16:00"), null, List.of(),
                Instant.parse("2026-11-24T10:00:00Z"));
        assertEquals(Duration.ofHours(2), intervals.get(0).workingTime(), "one hour on Monday, one on Tuesday");
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-23T" + time + ":00Z");
    }
}
