package org.itsm.support.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

class JsonColumnTest {

    static class Holidays extends JsonColumn<Map<String, List<LocalDate>>> {
        Holidays() {
            super(new TypeReference<>() { });
        }
    }

    @Test
    void aValueRoundTripsAsReadableJson() {
        Holidays column = new Holidays();
        Map<String, List<LocalDate>> value = Map.of("KR", List.of(LocalDate.of(2026, 12, 25)));

        String json = column.convertToDatabaseColumn(value);

        assertEquals("{\"KR\":[\"2026-12-25\"]}", json);
        assertEquals(value, column.convertToEntityAttribute(json));
        assertNull(column.convertToDatabaseColumn(null));
    }

    @Test
    void idListsAreJsonArraysAndAbsentListsAreEmpty() {
        JsonColumn.UuidList column = new JsonColumn.UuidList();
        UUID id = UUID.fromString("6f1c1f4e-5d7b-4a57-9a0e-2c6f0a3d9b11");

        assertEquals("[\"" + id + "\"]", column.convertToDatabaseColumn(List.of(id)));
        assertEquals(List.of(id), column.convertToEntityAttribute("[\"" + id + "\"]"));
        assertEquals("[]", column.convertToDatabaseColumn(null));
        assertEquals(List.of(), column.convertToEntityAttribute(null));
    }

    @Test
    void unreadableStoredJsonIsReportedNotSwallowed() {
        assertThrows(IllegalStateException.class, () -> new JsonColumn.UuidList().convertToEntityAttribute("a,b"));
    }
}
