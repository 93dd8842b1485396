package org.itsm.support.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FieldChangeTest {

    record Target(String priority, int responseMinutes) {
    }

    enum State { NEW, OPEN }

    @Test
    void structuredValuesAreRecordedAsJsonNotJavaToString() {
        FieldChange change = FieldChange.of("slaTargets", List.of(new Target("P1", 15)),
                List.of(new Target("P1", 30), new Target("P2", 60)));

        assertEquals("[{\"priority\":\"P1\",\"responseMinutes\":15}]", change.from());
        assertEquals("[{\"priority\":\"P1\",\"responseMinutes\":30},{\"priority\":\"P2\",\"responseMinutes\":60}]",
                change.to());
        assertEquals("{\"impact\":\"HIGH\"}", FieldChange.of("risk", null, Map.of("impact", "HIGH")).to());
    }

    @Test
    void plainValuesKeepTheirText() {
        UUID id = UUID.fromString("4b0b8e4e-4f0a-4c1e-9c53-0f5f1d6b7a10");
        assertEquals("Mail down", FieldChange.of("shortDescription", null, "Mail down").to());
        assertEquals("3", FieldChange.of("impact", 2, 3).to());
        assertEquals("OPEN", FieldChange.of("state", State.NEW, State.OPEN).to());
        assertEquals(id.toString(), FieldChange.of("serviceId", null, id).to());
        assertEquals("2026-12-07T10:00:00Z", FieldChange.of("dueAt", null, Instant.parse("2026-12-07T10:00:00Z")).to());
        assertNull(FieldChange.of("assignee", "alice", null).to());
    }

    @Test
    void changedComparesTheRecordedText() {
        assertFalse(FieldChange.of("targets", List.of(new Target("P1", 15)), List.of(new Target("P1", 15))).changed());
        assertTrue(FieldChange.of("targets", List.of(new Target("P1", 15)), List.of(new Target("P1", 16))).changed());
    }
}
