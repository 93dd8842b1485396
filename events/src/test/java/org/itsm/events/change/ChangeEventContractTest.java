package org.itsm.events.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.itsm.events.EventTypes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/** The updated event names the changed fields; consumers of the first version still read it. */
class ChangeEventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final UUID ID = UUID.fromString("4b0b8e4e-4f0a-4c1e-9c53-0f5f1d6b7a10");

    @Test
    void anUpdatedEventWithChangedFieldsMatchesTheSchemaAndStaysReadableWithoutThem() throws Exception {
        ChangeEvent event = new ChangeEvent(ID, "CHG0001001", "NORMAL", "AUTHORIZE", "Upgrade", List.of(ID), List.of(),
                NOW, NOW.plusSeconds(3600), "MEDIUM", null, null, null, NOW, "requester",
                List.of("implementer", "description"), Map.of("implementer", "cab2"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:" + EventTypes.schemaResource(EventTypes.CHANGE_UPDATED)));
        JsonNode json = JSON.valueToTree(event);
        assertTrue(schema.validate(json).isEmpty(), schema.validate(json).toString());
        assertEquals("cab2", json.get("newValues").get("implementer").asText());

        ChangeEvent old = JSON.readValue("""
                {"id": "%s", "number": "CHG0001001", "type": "NORMAL", "state": "NEW", "title": "t",
                 "occurredAt": "2026-11-26T10:15:30Z"}""".formatted(ID), ChangeEvent.class);
        assertEquals(null, old.changedFields());
        assertFalse(schema.validate(JSON.readTree("""
                {"id": "%s", "number": "CHG0001001", "type": "NORMAL", "state": "NEW", "title": "t",
                 "occurredAt": "2026-11-26T10:15:30Z", "changedFields": "implementer"}""".formatted(ID))).isEmpty());
    }

    @Test
    void theImplementerAndTheAwaitedVotesMatchTheSchemaAndOlderEventsReadWithoutThem() throws Exception {
        ChangeEvent event = new ChangeEvent(ID, "CHG0001001", "NORMAL", "AUTHORIZE", "Upgrade", List.of(ID), List.of(),
                NOW, NOW.plusSeconds(3600), "MEDIUM", null, null, null, NOW, "requester", null, null, "implementer",
                List.of("CAB_MEMBER"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:" + EventTypes.schemaResource(EventTypes.CHANGE_ASSESSED)));
        JsonNode json = JSON.valueToTree(event);
        assertTrue(schema.validate(json).isEmpty(), schema.validate(json).toString());
        assertEquals("implementer", json.get("implementer").asText());
        assertEquals("CAB_MEMBER", json.get("awaitedVotes").get(0).asText());

        ChangeEvent old = JSON.readValue("""
                {"id": "%s", "number": "CHG0001001", "type": "NORMAL", "state": "AUTHORIZE", "title": "t",
                 "occurredAt": "2026-11-26T10:15:30Z", "requester": "requester"}""".formatted(ID), ChangeEvent.class);
        assertEquals(null, old.implementer());
        assertEquals(null, old.awaitedVotes());
        assertFalse(schema.validate(JSON.readTree("""
                {"id": "%s", "number": "CHG0001001", "type": "NORMAL", "state": "AUTHORIZE", "title": "t",
                 "occurredAt": "2026-11-26T10:15:30Z", "awaitedVotes": ["REQUESTER"]}""".formatted(ID))).isEmpty());
    }
}
