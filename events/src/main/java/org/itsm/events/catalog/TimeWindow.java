package org.itsm.events.catalog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A maintenance or blackout window. Without {@code weekly} it is the one-off interval [start, end). With
 * {@code weekly} it repeats every week at the given local times, from {@code start} (null: since always) until
 * {@code end} (null: for ever); an occurrence reaching over either bound is cut at it.
 *
 * <p>Occurrences are computed in the recurrence's time zone, so a weekly 02:00–04:00 window stays at 02:00–04:00
 * local time across daylight-saving changes (its length in instants may then be 1 h or 3 h). A local start that
 * does not exist (spring-forward gap) moves forward by the gap; an ambiguous one (autumn overlap) takes the earlier
 * offset. All intervals are half-open.
 */
public record TimeWindow(Instant start, Instant end, String description, WeeklyRecurrence weekly) {

    /** A one-off window. */
    public TimeWindow(Instant start, Instant end, String description) {
        this(start, end, description, null);
    }

    public boolean recurring() {
        return weekly != null;
    }

    /**
     * Whether the window can be used: a one-off window needs start before end; a recurring one a readable day, times
     * and zone, and bounds (where given) in order.
     */
    public boolean usable() {
        if (weekly == null) {
            return start != null && end != null && end.isAfter(start);
        }
        return weekly.usable() && (start == null || end == null || end.isAfter(start));
    }

    /**
     * The concrete occurrences of this window that overlap [from, to), in time order, each as a one-off window with
     * this window's description. A one-off window is its own single occurrence. An unusable window has none.
     */
    public List<TimeWindow> occurrencesBetween(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from) || !usable()) {
            return List.of();
        }
        if (weekly == null) {
            return start.isBefore(to) && from.isBefore(end) ? List.of(this) : List.of();
        }
        ZoneId zone = ZoneId.of(weekly.timeZone());
        DayOfWeek day = weekly.dayOfWeek();
        // an occurrence starting up to two days before [from] may still reach into it (a local day is at most ~26 h)
        LocalDate date = from.atZone(zone).toLocalDate().minusDays(2);
        while (date.getDayOfWeek() != day) {
            date = date.plusDays(1);
        }
        List<TimeWindow> found = new ArrayList<>();
        while (true) {
            Instant occurrenceStart = ZonedDateTime.of(date, weekly.from(), zone).toInstant();
            if (!occurrenceStart.isBefore(to)) {
                break;
            }
            LocalDate endDate = weekly.to().isAfter(weekly.from()) ? date : date.plusDays(1);
            Instant occurrenceEnd = ZonedDateTime.of(endDate, weekly.to(), zone).toInstant();
            Instant clippedStart = start != null && start.isAfter(occurrenceStart) ? start : occurrenceStart;
            Instant clippedEnd = end != null && end.isBefore(occurrenceEnd) ? end : occurrenceEnd;
            if (clippedEnd.isAfter(clippedStart) && clippedStart.isBefore(to) && from.isBefore(clippedEnd)) {
                found.add(new TimeWindow(clippedStart, clippedEnd, description));
            }
            if (end != null && !occurrenceStart.isBefore(end)) {
                break;
            }
            date = date.plusWeeks(1);
        }
        return found;
    }

    /** Whether some occurrence of this window overlaps [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return !occurrencesBetween(from, to).isEmpty();
    }

    /** Whether one single occurrence of this window contains all of [from, to). */
    public boolean covers(Instant from, Instant to) {
        return occurrencesBetween(from, to).stream()
                .anyMatch(occurrence -> !occurrence.start().isAfter(from) && !occurrence.end().isBefore(to));
    }
}
