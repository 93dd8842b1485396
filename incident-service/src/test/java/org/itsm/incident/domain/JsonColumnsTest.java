package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    /** As the catalog consumer stored them before the shared JSON column (text written by Quarkus' ObjectMapper). */
    private static final String STORED_HOURS = """
            {"timeZone":"Europe/Paris","workingDays":["MONDAY","FRIDAY"],"start":"09:00:00","end":"17:30:00",\
            "holidays":["2026-12-25"]}""";
    private static final String STORED_TARGETS = """
            [{"priority":"P2","responseMinutes":10,"resolutionMinutes":120}]""";

    private final JsonColumns.Hours hours = new JsonColumns.Hours();
    private final JsonColumns.SlaTargets targets = new JsonColumns.SlaTargets();

    @Test
    void readsRowsStoredBeforeTheSharedFormat() {
        assertEquals(new BusinessHours("Europe/Paris", List.of("MONDAY", "FRIDAY"), LocalTime.of(9, 0),
                LocalTime.of(17, 30), List.of(LocalDate.of(2026, 12, 25))), hours.convertToEntityAttribute(STORED_HOURS));
        assertEquals(List.of(new SlaTarget("P2", 10, 120)), targets.convertToEntityAttribute(STORED_TARGETS));
    }

    @Test
    void writesWhatItReadsAndKeepsNoneAsNull() {
        BusinessHours read = hours.convertToEntityAttribute(STORED_HOURS);
        assertEquals(read, hours.convertToEntityAttribute(hours.convertToDatabaseColumn(read)));
        assertEquals(STORED_TARGETS, targets.convertToDatabaseColumn(targets.convertToEntityAttribute(STORED_TARGETS)));
        assertNull(hours.convertToDatabaseColumn(null));
        assertNull(hours.convertToEntityAttribute(null));
    }
}
