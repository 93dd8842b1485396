package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.itsm.events.change.ChangeEvent;
import org.junit.jupiter.api.Test;

class PlannedMarksTest {

    private static ChangeEvent updated(String state, List<String> changedFields) {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        return new ChangeEvent(UUID.randomUUID(), "CHG0001001", "NORMAL", state, "Upgrade", List.of(), List.of(),
                now, now.plusSeconds(3600), "LOW", null, null, null, now, "requester", changedFields, Map.of());
    }

    @Test
    void aWindowMovedBackIntoApprovalMakesTheMarkStale() {
        assertTrue(PlannedMarks.staleAfter(updated("AUTHORIZE", List.of("plannedStart", "plannedEnd"))));
        assertTrue(PlannedMarks.staleAfter(updated("NEW", List.of("plannedEnd"))));
    }

    @Test
    void otherUpdatesKeepTheMark() {
        assertFalse(PlannedMarks.staleAfter(updated("SCHEDULED", List.of("implementer"))));
        assertFalse(PlannedMarks.staleAfter(updated("AUTHORIZE", List.of("title"))));
        assertFalse(PlannedMarks.staleAfter(updated("SCHEDULED", List.of("plannedStart"))));
        assertFalse(PlannedMarks.staleAfter(updated("AUTHORIZE", null)));
    }
}
