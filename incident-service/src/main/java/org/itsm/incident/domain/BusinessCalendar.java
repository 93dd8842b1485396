package org.itsm.incident.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When SLA clocks run: working days and hours in a time zone, minus holidays. {@link #ALWAYS} is 24×7.
 * Arithmetic walks day by day, so DST changes and holidays fall out of java.time.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end,
        Set<LocalDate> holidays) {

    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"),
            EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

    public BusinessCalendar {
        if (!start.equals(end) && !start.isBefore(end)) {
            throw new IllegalArgumentException("business hours must start before they end");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
    }

    public boolean isAlways() {
        return workingDays.size() == 7 && start.equals(end) && holidays.isEmpty();
    }

    /** The instant when {@code businessTime} of working time has passed after {@code from}. */
    public Instant plus(Instant from, Duration businessTime) {
        if (isAlways()) {
            return from.plus(businessTime);
        }
        Duration remaining = businessTime;
        ZonedDateTime cursor = from.atZone(zone);
        for (int day = 0; day < 3660; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(start).atZone(zone);
                ZonedDateTime close = closing(date);
                ZonedDateTime from0 = cursor.isAfter(open) ? cursor : open;
                if (from0.isBefore(close)) {
                    Duration available = Duration.between(from0, close);
                    if (available.compareTo(remaining) >= 0) {
                        return from0.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("business time beyond ten years");
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (isAlways()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime last = to.atZone(zone);
        while (!cursor.toLocalDate().isAfter(last.toLocalDate())) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(start).atZone(zone);
                ZonedDateTime close = closing(date);
                ZonedDateTime windowStart = cursor.isAfter(open) ? cursor : open;
                ZonedDateTime windowEnd = last.isBefore(close) ? last : close;
                if (windowEnd.isAfter(windowStart)) {
                    total = total.plus(Duration.between(windowStart, windowEnd));
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private ZonedDateTime closing(LocalDate date) {
        // start == end means the whole day
        return start.equals(end) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(end).atZone(zone);
    }
}
