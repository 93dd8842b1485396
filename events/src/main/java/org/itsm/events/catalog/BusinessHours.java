package org.itsm.events.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Working calendar of an offering: SLA clocks only run inside it. Days are ISO names (MONDAY..SUNDAY). */
public record BusinessHours(String timeZone, List<String> workingDays, LocalTime start, LocalTime end,
        List<LocalDate> holidays) {
}
