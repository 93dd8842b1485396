package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.catalog.WeeklyRecurrence;
import org.itsm.support.persistence.JsonColumn;
import org.junit.jupiter.api.Test;

/** The columns keep the JSON text the catalog stored before they moved onto the shared JsonColumn. */
class JsonColumnsTest {

    @Test
    void slaTargetsAndWindowsAreStoredAsBeforeAndAnAbsentListAsAnEmptyArray() {
        JsonColumns.SlaTargets targets = new JsonColumns.SlaTargets();
        String stored = "[{\"priority\":\"P1\",\"responseMinutes\":15,\"resolutionMinutes\":240}]";
        assertEquals(stored, targets.convertToDatabaseColumn(List.of(new SlaTarget("P1", 15, 240))));
        assertEquals(List.of(new SlaTarget("P1", 15, 240)), targets.convertToEntityAttribute(stored));
        assertEquals("[]", targets.convertToDatabaseColumn(null));
        assertNull(targets.convertToEntityAttribute(null));

        JsonColumns.TimeWindows windows = new JsonColumns.TimeWindows();
        List<TimeWindow> both = List.of(
                new TimeWindow(Instant.parse("2026-12-24T22:00:00Z"), Instant.parse("2026-12-26T06:00:00Z"), "xmas",
                        null),
                new TimeWindow(null, null, "weekly", new WeeklyRecurrence("SUNDAY", LocalTime.of(2, 0),
                        LocalTime.of(4, 0), "Asia/Seoul")));
        assertEquals(both, windows.convertToEntityAttribute(windows.convertToDatabaseColumn(both)));
        assertEquals("[]", windows.convertToDatabaseColumn(null));
    }

    @Test
    void businessHoursAndDependenciesReadRowsWrittenByTheFormerConverters() {
        String hoursRow = "{\"timeZone\":\"Europe/Paris\",\"workingDays\":[\"MONDAY\",\"FRIDAY\"],"
                + "\"start\":\"08:00:00\",\"end\":\"18:00:00\",\"holidays\":[\"2026-12-28\"]}";
        BusinessHours hours = new BusinessHours("Europe/Paris", List.of("MONDAY", "FRIDAY"), LocalTime.of(8, 0),
                LocalTime.of(18, 0), List.of(LocalDate.of(2026, 12, 28)));
        JsonColumns.Calendar calendar = new JsonColumns.Calendar();
        assertEquals(hours, calendar.convertToEntityAttribute(hoursRow));
        assertEquals(hoursRow, calendar.convertToDatabaseColumn(hours));
        assertNull(calendar.convertToDatabaseColumn(null));

        UUID id = UUID.fromString("6f1c3f7e-8f43-4a0b-9d0e-3b1f2a4c5d6e");
        JsonColumn.UuidList dependsOn = new JsonColumn.UuidList();
        assertEquals("[\"" + id + "\"]", dependsOn.convertToDatabaseColumn(List.of(id)));
        assertEquals(List.of(id), dependsOn.convertToEntityAttribute("[\"" + id + "\"]"));
        assertEquals("[]", dependsOn.convertToDatabaseColumn(null));
    }
}
