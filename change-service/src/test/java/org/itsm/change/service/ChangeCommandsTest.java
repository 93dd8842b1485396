package org.itsm.change.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.itsm.change.service.ChangeCommands.ChangeEdit;
import org.junit.jupiter.api.Test;

class ChangeCommandsTest {

    private static ChangeEdit edit(Instant start, String title, String implementer, List<UUID> services) {
        return new ChangeEdit(null, title, null, null, services, null, start, null, null, null, null, null,
                implementer, null, null, null, null);
    }

    @Test
    void aWindowOnlyEditIsAPlanEditButNothingBeyondTheWindow() {
        ChangeEdit window = edit(Instant.parse("2030-01-01T10:00:00Z"), null, null, null);
        assertTrue(window.editsPlan());
        assertFalse(window.editsPlanBesidesWindow());
        assertFalse(window.touchesCatalogUpdate());
    }

    @Test
    void assigningPeopleIsNoPlanEdit() {
        ChangeEdit people = edit(null, null, "ivan", null);
        assertTrue(people.assignsPeople());
        assertFalse(people.editsPlan());
    }

    @Test
    void otherServicesTouchThePlanAndTheCatalogUpdate() {
        ChangeEdit services = edit(null, null, null, List.of(UUID.randomUUID()));
        assertTrue(services.editsPlanBesidesWindow());
        assertTrue(services.touchesCatalogUpdate());
        assertTrue(edit(null, "New title", null, null).editsPlanBesidesWindow());
    }
}
