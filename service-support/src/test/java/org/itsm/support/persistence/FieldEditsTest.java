package org.itsm.support.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldEditsTest {

    private String title = "Mail down";
    private Integer impact = 2;

    @Test
    void aGivenFieldIsAppliedAndRecordedAnAbsentOneIsLeftAlone() {
        FieldEdits edits = new FieldEdits();

        assertTrue(edits.set("title", "Mail down for all", title, value -> title = value));
        assertFalse(edits.set("impact", null, impact, value -> impact = value));

        assertEquals("Mail down for all", title);
        assertEquals(2, impact);
        assertEquals(List.of(new FieldChange("title", "Mail down", "Mail down for all")), edits.changes());
        assertTrue(edits.has("title"));
        assertFalse(edits.has("impact"));
    }

    @Test
    void repeatingTheCurrentValueLeavesNoHistory() {
        FieldEdits edits = new FieldEdits();

        edits.set("impact", 2, impact, value -> impact = value);
        edits.record("derived", "P3", "P3");

        assertTrue(edits.has("impact"), "the request carried it");
        assertTrue(edits.isEmpty(), "but nothing changed");
    }

    @Test
    void handRecordedChangesKeepTheirOrder() {
        FieldEdits edits = new FieldEdits();

        edits.set("impact", 1, impact, value -> impact = value);
        edits.record("priority", "P3", "P2");

        assertEquals(List.of("impact", "priority"), edits.changes().stream().map(FieldChange::field).toList());
    }
}
