package org.itsm.catalog.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.itsm.events.catalog.BusinessHours;

/**
 * Working-time arithmetic on an offering's business hours: a request due in 8 working hours, ordered on Friday
 * afternoon, is due on Monday (or on Tuesday when Monday is a holiday). Without business hours time runs 24x7.
 */
public final class BusinessCalendar {

    /** Searching further than this for working time means the calendar has none. */
    private static final int MAX_DAYS = 3 * 366;

    private final BusinessHours hours;
    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays = new HashSet<>();
    private final Set<LocalDate> holidays = new HashSet<>();

    public BusinessCalendar(BusinessHours hours) {
        this.hours = hours;
        this.zone = hours == null ? null : ZoneId.of(hours.timeZone());
        if (hours != null) {
            hours.workingDays().forEach(day -> workingDays.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))));
            if (hours.holidays() != null) {
                holidays.addAll(hours.holidays());
            }
        }
    }

    /** The instant when {@code amount} of working time has passed after {@code from}. */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (hours == null) {
            return from.plus(amount);
        }
        Duration remaining = amount;
        ZonedDateTime cursor = from.atZone(zone);
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime opens = date.atTime(hours.start()).atZone(zone);
                ZonedDateTime closes = date.atTime(hours.end()).atZone(zone);
                ZonedDateTime start = cursor.isBefore(opens) ? opens : cursor;
                if (start.isBefore(closes)) {
                    Duration available = Duration.between(start, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return start.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("Business hours " + hours + " have no working time within " + MAX_DAYS + " days");
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Why these business hours cannot be used, or an empty list. */
    public static List<String> problems(BusinessHours hours) {
        if (hours == null) {
            return List.of();
        }
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
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
                } catch (IllegalArgumentException e) {
                    problems.add("workingDays: '" + day + "' is not a day (MONDAY..SUNDAY)");
                }
            }
        }
        if (hours.start() == null || hours.end() == null || !hours.start().isBefore(hours.end())) {
            problems.add("start must be before end");
        }
        return problems;
    }
}
