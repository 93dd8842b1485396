package org.itsm.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.itsm.events.catalog.BusinessCalendar;

/**
 * How an SLA clock spent its life: alternating running and paused intervals from the start until it stopped (or
 * now), each with the working time it counted on the calendar. It explains the figures {@link SlaClock} computes.
 */
public final class SlaTimeline {

    public enum Kind { RUNNING, PAUSED }

    /** {@code to} is null while the interval lasts. */
    public record Interval(Kind kind, Instant from, Instant to, Duration workingTime) {
    }

    /** A pause of the clock; {@code end} is null while it lasts. */
    public record Pause(Instant start, Instant end) {
    }

    private SlaTimeline() {
    }

    /** Pauses must be in start order and not overlap; parts outside [start, stoppedAt or now] are cut off. */
    public static List<Interval> of(BusinessCalendar calendar, Instant start, Instant stoppedAt, List<Pause> pauses,
            Instant now) {
        Instant end = stoppedAt != null ? stoppedAt : now;
        List<Interval> intervals = new ArrayList<>();
        Instant cursor = start;
        for (Pause pause : pauses) {
            Instant pauseStart = max(pause.start(), start);
            if (!pauseStart.isBefore(end)) {
                break;
            }
            if (pauseStart.isAfter(cursor)) {
                intervals.add(interval(calendar, Kind.RUNNING, cursor, pauseStart, false));
            }
            boolean ongoing = pause.end() == null || !pause.end().isBefore(end);
            Instant pauseEnd = ongoing ? end : pause.end();
            intervals.add(interval(calendar, Kind.PAUSED, pauseStart, pauseEnd, ongoing && stoppedAt == null));
            cursor = pauseEnd;
        }
        if (cursor.isBefore(end)) {
            intervals.add(interval(calendar, Kind.RUNNING, cursor, end, stoppedAt == null));
        }
        return intervals;
    }

    private static Interval interval(BusinessCalendar calendar, Kind kind, Instant from, Instant to, boolean ongoing) {
        return new Interval(kind, from, ongoing ? null : to, calendar.between(from, to));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
