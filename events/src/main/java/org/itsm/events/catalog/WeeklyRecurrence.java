package org.itsm.events.catalog;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A window that comes back every week: on {@code day} (ISO name, MONDAY..SUNDAY) from {@code from} to {@code to}
 * local time in {@code timeZone} (an IANA zone such as Asia/Seoul). A {@code to} at or before {@code from} ends on
 * the next day (so equal times mean a whole day).
 */
public record WeeklyRecurrence(String day, LocalTime from, LocalTime to, String timeZone) {

    /** The day as a {@link DayOfWeek}; {@link IllegalArgumentException} when it names none. */
    public DayOfWeek dayOfWeek() {
        if (day == null) {
            throw new IllegalArgumentException("a weekly window names its day");
        }
        return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
    }

    /** Day, times and zone are all present and readable. */
    public boolean usable() {
        if (from == null || to == null || timeZone == null) {
            return false;
        }
        try {
            dayOfWeek();
            ZoneId.of(timeZone);
            return true;
        } catch (IllegalArgumentException | DateTimeException e) {
            return false;
        }
    }
}
