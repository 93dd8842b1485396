package org.itsm.change.messaging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.itsm.change.ChangeTestSupport.EARLY;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.asRequester;
import static org.itsm.change.ChangeTestSupport.bootstrap;
import static org.itsm.change.ChangeTestSupport.create;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.normalChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.change.ChangeEvent;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog's answer to an implemented change's catalog update, and what the updated event tells, on the broker. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class CatalogAnswerEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** A successful, closed change carrying a catalog update on {@code service}. */
    private static String implemented(UUID service, String requester) {
        String id = create(asRequester(requester), normalChange("Catalog " + requester, service, freshDay(), 30));
        asRequester(requester).post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200);
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(201);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
        asManager().body("{\"outcome\": \"SUCCESSFUL\"}").post("/api/v1/changes/{id}/close", id).then()
                .statusCode(200).body("catalogUpdateStatus", equalTo("PENDING"));
        return id;
    }

    private static void answer(String eventId, String type, UUID service, String id, String reason) {
        String number = asManager().get("/api/v1/changes/{id}", id).then().extract().path("number");
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, service.toString(), eventId, type, EventSource.CATALOG_SERVICE, "SVC0009001", """
                    {"serviceId": "%s", "serviceNumber": "SVC0009001", "changeId": "%s", "changeNumber": "%s",
                     "effects": %s, "reason": %s, "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(service, id,
                    number, reason == null ? "[\"version 1.0 -> 2.4\"]" : "[]",
                    reason == null ? "null" : "\"" + reason + "\""));
        }
    }

    @Test
    void aRejectionByTheCatalogReachesTheChangeOnce() {
        UUID service = liveService("Rejecting");
        String id = implemented(service, "rejected");
        String eventId = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 2; delivery++) {
            answer(eventId, EventTypes.CATALOG_CHANGE_UPDATE_REJECTED, service, id, "SVC0009001 is retired");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asRequester("rejected")
                .get("/api/v1/changes/{id}", id).then().body("catalogUpdateStatus", equalTo("REJECTED"))
                .body("catalogUpdateReason", containsString("SVC0009001 is retired")));
        // an applied answer for another service does not clear the rejection
        answer(UUID.randomUUID().toString(), EventTypes.CATALOG_CHANGE_APPLIED, service, id, null);
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, String>> history = asRequester("rejected").get("/api/v1/changes/{id}/history", id).then()
                    .statusCode(200).extract().path("findAll { it.field.startsWith('catalogUpdate') }");
            // the redelivered rejection had no second effect (its reason is not appended twice)
            assertEquals(List.of("catalogUpdateStatus PENDING", "catalogUpdateStatus REJECTED",
                    "catalogUpdateReason SVC0009001: SVC0009001 is retired"), history.stream()
                            .map(entry -> entry.get("field") + " " + entry.get("to")).toList(), history.toString());
        });
        asRequester("rejected").get("/api/v1/changes/{id}", id).then().body("catalogUpdateStatus", equalTo("REJECTED"));
    }

    @Test
    void anAppliedUpdateIsShownAsApplied() {
        UUID service = liveService("Applying");
        String id = implemented(service, "applied");
        answer(UUID.randomUUID().toString(), EventTypes.CATALOG_CHANGE_APPLIED, service, id, null);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asRequester("applied")
                .get("/api/v1/changes/{id}", id).then().body("catalogUpdateStatus", equalTo("APPLIED")));
    }

    @Test
    void theUpdatedEventNamesTheChangedFieldsAndTheNewImplementer() throws Exception {
        UUID service = liveService("Reassigned");
        String id = create(asRequester("watched"), normalChange("Watched", service, freshDay(), 30));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CHANGE)) {
            asManager().body("{\"implementer\": \"implementer\", \"description\": \"secret details\"}")
                    .patch("/api/v1/changes/{id}", id).then().statusCode(200);
            ChangeEvent updated = JSON.readValue(reader.await(record -> id.equals(record.key())
                    && EventTypes.CHANGE_UPDATED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(20)).get(0).value(), ChangeEvent.class);
            assertTrue(updated.changedFields().containsAll(List.of("implementer", "description")),
                    updated.changedFields().toString());
            assertEquals("implementer", updated.newValues().get("implementer"));
            assertFalse(updated.newValues().containsKey("description"));
        }
    }
}
