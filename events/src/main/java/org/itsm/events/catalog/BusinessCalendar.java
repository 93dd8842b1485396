package org.itsm.events.catalog;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Working time on an offering's {@link BusinessHours}: working days and hours in a time zone, minus holidays. SLA
 * clocks (incident-service) and request due dates (catalog-service) both count on it. A target of 8 working hours
 * started on Friday afternoon ends on Monday, or on Tuesday when Monday is a holiday. {@link #ALWAYS} is 24×7;
 * {@code start == end} means the whole day. Arithmetic walks day by day, so DST changes and holidays fall out of
 * java.time.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end,
        Set<LocalDate> holidays) {

    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"),
            EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

    /** Searching further than this for working time means the calendar has none. */
    private static final int MAX_DAYS = 3660;

    public BusinessCalendar {
        if (!start.equals(end) && !start.isBefore(end)) {
            throw new IllegalArgumentException("business hours must start before they end");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
    }

    /** The calendar of {@code hours}; 24×7 when there are none. The hours must be free of {@link #problems}. */
    public static BusinessCalendar of(BusinessHours hours) {
        if (hours == null) {
            return ALWAYS;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        hours.workingDays().forEach(day -> days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))));
        return new BusinessCalendar(ZoneId.of(hours.timeZone()), days, hours.start(), hours.end(),
                hours.holidays() == null ? Set.of() : new HashSet<>(hours.holidays()));
    }

    /** Why these business hours cannot be used, or an empty list; none is fine (24×7). */
    public static List<String> problems(BusinessHours hours) {
        if (hours == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try {
            ZoneId.of(hours.timeZone());
        } catch (RuntimeException e) {
            problems.add("timeZone '" + hours.timeZone() + "' is not a time zone");
        }
        if (hours.workingDays() == null || hours.workingDays().isEmpty()) {
            problems.add("workingDays must name at least one day");
        } else {
            for (String day : hours.workingDays()) {
                try {
                    DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add("workingDays: '" + day + "' is not a day (MONDAY..SUNDAY)");
                }
            }
        }
        if (hours.start() == null || hours.end() == null || !hours.start().isBefore(hours.end())) {
            problems.add("start must be before end");
        }
        return problems;
    }

    public boolean isAlways() {
        return workingDays.size() == 7 && start.equals(end) && holidays.isEmpty();
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The instant when {@code businessTime} of working time has passed after {@code from}. */
    public Instant plus(Instant from, Duration businessTime) {
        if (isAlways()) {
            return from.plus(businessTime);
        }
        Duration remaining = businessTime;
        ZonedDateTime cursor = from.atZone(zone);
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(start).atZone(zone);
                ZonedDateTime close = closing(date);
                ZonedDateTime windowStart = cursor.isAfter(open) ? cursor : open;
                if (windowStart.isBefore(close)) {
                    Duration available = Duration.between(windowStart, close);
                    if (available.compareTo(remaining) >= 0) {
                        return windowStart.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
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

    private ZonedDateTime closing(LocalDate date) {
        return start.equals(end) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(end).atZone(zone);
    }
}
