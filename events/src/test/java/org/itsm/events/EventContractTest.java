package org.itsm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.catalog.CatalogItemEvent;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.events.catalog.FulfilmentTaskEvent;
import org.itsm.events.catalog.ServiceRequestEvent;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.ChangeApprovalEvent;
import org.itsm.events.change.ChangeEvent;
import org.itsm.events.incident.InboundMailOutcome;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.events.incident.IncidentMentionEvent;
import org.itsm.events.incident.IncidentSlaEvent;
import org.itsm.events.notification.InboundMailEvent;
import org.itsm.events.problem.KnownErrorEvent;
import org.itsm.events.problem.ProblemEvent;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Every event type has a schema, and the payload records serialise to JSON those schemas accept. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final UUID ID = UUID.fromString("4b0b8e4e-4f0a-4c1e-9c53-0f5f1d6b7a10");

    private static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("incident", new IncidentEvent(ID, "INC0001001", "Mail down", "NEW", "P2", 1, 2, "email", ID, null,
                    "alice", "messaging", null, false, null, "AWAITING_CALLER", null, List.of(), NOW)),
            Map.entry("incident-sla", new IncidentSlaEvent(ID, "INC0001001", "P1", "RESOLUTION", "BREACHED", NOW, ID,
                    "alice", "messaging", NOW)),
            Map.entry("catalog-service", new CatalogServiceEvent(ID, "SVC0001001", "Email", "BUSINESS", "LIVE",
                    "messaging", "HIGH", "2.0", List.of(), "CHG0001001", NOW)),
            Map.entry("catalog-offering", new CatalogOfferingEvent(ID, ID, "Email Gold", "ACTIVE", "messaging",
                    List.of(new SlaTarget("P1", 15, 240)),
                    new BusinessHours("Europe/Paris", List.of("MONDAY", "FRIDAY"), LocalTime.of(8, 0),
                            LocalTime.of(18, 0), List.of()),
                    List.of(), List.of(new TimeWindow(NOW, NOW.plusSeconds(3600), "year end")), NOW)),
            Map.entry("catalog-item", new CatalogItemEvent(ID, "New laptop", "hardware", ID, "desktop",
                    "MANAGER", true, NOW)),
            Map.entry("catalog-request", new ServiceRequestEvent(ID, "REQ0001001", ID, "New laptop", "requester",
                    "AWAITING_APPROVAL", "agent", "desktop", NOW, NOW)),
            Map.entry("catalog-task", new FulfilmentTaskEvent(ID, ID, "REQ0001001", "New laptop", "requester",
                    "Fulfil New laptop", "desktop", "agent", "IN_PROGRESS", NOW)),
            Map.entry("catalog-change", new CatalogChangeUpdateEvent(ID, "SVC0001001", ID, "CHG0001001",
                    List.of("version 1.0 -> 2.0"), null, NOW)),
            Map.entry("change", new ChangeEvent(ID, "CHG0001001", "NORMAL", "SCHEDULED", "Upgrade", List.of(ID),
                    List.of(), NOW, NOW.plusSeconds(3600), "MEDIUM", null, null,
                    new CatalogUpdate("2.0", null, List.of(), List.of(), null, List.of()), NOW, "requester")),
            Map.entry("change-approval", new ChangeApprovalEvent(ID, "CHG0001001", "cab1", "CAB_MEMBER", "APPROVE",
                    "Looks safe", "PENDING", "requester", NOW)),
            Map.entry("known-error", new KnownErrorEvent(ID, "PRB0001001", ID, "Mail stuck", "Queue full",
                    "Restart the MTA", List.of("INC0001001"), NOW)),
            Map.entry("incident-mention", new IncidentMentionEvent(ID, "INC0001001", "Mail down", "alice", "agent",
                    true, List.of("bob"), NOW)),
            Map.entry("incident-mail", new InboundMailOutcome(ID, InboundMailOutcome.COMMENTED, ID, "INC0001001", null,
                    NOW)),
            Map.entry("inbound-mail", new InboundMailEvent(ID, "<1@mail.example.org>", "alice", List.of("itsm-requester"),
                    "INC0001001", "Re: [INC0001001] Mail down", "It works again", NOW)),
            Map.entry("problem", new ProblemEvent(ID, "PRB0001001", "RESOLVED", ID, "email", List.of("INC0001001"),
                    "CHG0001001", "FIX_APPLIED", NOW)));

    @Test
    void everyTypeIsVersionedAndHasASchemaAcceptingItsPayload() throws Exception {
        assertEquals(EventTypes.ALL.size(), Set.copyOf(EventTypes.ALL).size(), "duplicate event types");
        for (String type : EventTypes.ALL) {
            assertTrue(type.matches("itsm\\.(incident|problem|change|catalog|notification)\\.[a-z-]+\\.v\\d+"), type);
            JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + EventTypes.schemaResource(type)));
            assertNotNull(schema, type);
            Set<ValidationMessage> errors = schema.validate(JSON.valueToTree(sampleFor(type)));
            assertTrue(errors.isEmpty(), type + ": " + errors);
        }
    }

    @Test
    void schemasRejectPayloadsMissingRequiredFields() {
        JsonSchema schema = SCHEMAS.getSchema(
                SchemaLocation.of("classpath:" + EventTypes.schemaResource(EventTypes.CHANGE_APPROVED)));
        JsonNode broken = JSON.createObjectNode().put("number", "CHG0001001");
        assertFalse(schema.validate(broken).isEmpty());
    }

    @Test
    void everyTopicHasADeadLetterTwin() {
        assertEquals(10, Topics.allWithDeadLetters().size());
        assertTrue(Topics.allWithDeadLetters().contains("itsm.catalog.events.dlq"));
    }

    private static Object sampleFor(String type) {
        if (type.equals(EventTypes.INCIDENT_MENTIONED)) {
            return SAMPLES.get("incident-mention");
        }
        if (type.equals(EventTypes.INCIDENT_MAIL_HANDLED)) {
            return SAMPLES.get("incident-mail");
        }
        if (type.startsWith("itsm.notification.")) {
            return SAMPLES.get("inbound-mail");
        }
        if (type.contains(".sla-")) {
            return SAMPLES.get("incident-sla");
        }
        if (type.startsWith("itsm.incident.")) {
            return SAMPLES.get("incident");
        }
        if (type.startsWith("itsm.catalog.service")) {
            return SAMPLES.get("catalog-service");
        }
        if (type.startsWith("itsm.catalog.offering")) {
            return SAMPLES.get("catalog-offering");
        }
        if (type.startsWith("itsm.catalog.item")) {
            return SAMPLES.get("catalog-item");
        }
        if (type.startsWith("itsm.catalog.request-task-")) {
            return SAMPLES.get("catalog-task");
        }
        if (type.startsWith("itsm.catalog.request")) {
            return SAMPLES.get("catalog-request");
        }
        if (type.startsWith("itsm.catalog.change")) {
            return SAMPLES.get("catalog-change");
        }
        if (type.startsWith("itsm.change.approval-")) {
            return SAMPLES.get("change-approval");
        }
        if (type.startsWith("itsm.change.")) {
            return SAMPLES.get("change");
        }
        return type.contains("known-error") ? SAMPLES.get("known-error") : SAMPLES.get("problem");
    }
}
