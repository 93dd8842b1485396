package org.itsm.gateway.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.gateway.presence.PresenceBoard.Activity;
import org.itsm.gateway.presence.PresenceBoard.RecordRef;
import org.itsm.gateway.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class PresenceInputTest {

    @Test
    void acceptsTheThreeRecordTypesWithTheirNumbers() {
        assertEquals(new RecordRef("incident", "INC0001001"), PresenceInput.record("incident", "INC0001001").value().get());
        assertEquals(new RecordRef("problem", "PRB0001001"), PresenceInput.record("problem", "PRB0001001").value().get());
        assertEquals(new RecordRef("request", "REQ12345678"), PresenceInput.record("request", "REQ12345678").value().get());
    }

    @Test
    void refusesOtherTypesAndNumbersNamingTheField() {
        assertEquals(List.of("recordType"), fields(PresenceInput.record("change", "CHG0001001").errors()));
        assertEquals(List.of("recordNumber"), fields(PresenceInput.record("incident", "PRB0001001").errors()));
        assertEquals(List.of("recordNumber"), fields(PresenceInput.record("incident", "INC001").errors()));
    }

    @Test
    void readsAHeartbeat() {
        assertEquals(new PresenceInput.Beat(Activity.EDITING, "tab-1"),
                PresenceInput.beat(new JsonObject().put("activity", "editing").put("session", "tab-1")).value().get());
        assertEquals(new PresenceInput.Beat(Activity.VIEWING, PresenceInput.NO_SESSION),
                PresenceInput.beat(new JsonObject().put("activity", "viewing")).value().get());
    }

    @Test
    void refusesBadOrUnknownFieldsNamingEach() {
        assertEquals(List.of("activity"), fields(PresenceInput.beat(new JsonObject()).errors()));
        assertEquals(List.of("activity"), fields(PresenceInput.beat(new JsonObject().put("activity", "typing")).errors()));
        assertEquals(List.of("activity"), fields(PresenceInput.beat(new JsonObject().put("activity", 1)).errors()));
        assertEquals(List.of("colour", "session"), fields(PresenceInput.beat(new JsonObject().put("activity", "viewing")
                .put("colour", "red").put("session", "a b")).errors()));
        assertEquals(List.of("session"), fields(PresenceInput.session("x".repeat(65)).errors()));
        assertTrue(PresenceInput.session(null).value().isPresent());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
