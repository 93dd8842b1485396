package org.itsm.events.catalog;

import java.time.LocalTime;

/**
 * A window that comes back every week: on {@code day} (ISO name, MONDAY..SUNDAY) from {@code from} to {@code to}
 * local time in {@code timeZone} (an IANA zone such as Asia/Seoul). A {@code to} at or before {@code from} ends on
 * the next day.
 */
public record WeeklyRecurrence(String day, LocalTime from, LocalTime to, String timeZone) {
}
