package org.itsm.change.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.itsm.change.ChangeTestSupport.EARLY;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.as;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.asRequester;
import static org.itsm.change.ChangeTestSupport.awaitService;
import static org.itsm.change.ChangeTestSupport.awaitingCab;
import static org.itsm.change.ChangeTestSupport.bootstrap;
import static org.itsm.change.ChangeTestSupport.create;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.normalChange;
import static org.itsm.change.ChangeTestSupport.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.change.ChangeApprovalEvent;
import org.itsm.events.change.ChangeEvent;
import org.itsm.events.api.Roles;
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

/** Events against the real broker: what catalog-service consumes, and the catalog read model's exactly-once feed. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class ChangeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void approvedAndImplementedChangesReachTheTopicWithWindowAndCatalogUpdate() throws Exception {
        UUID service = liveService("Web shop");
        Instant start = freshDay().plusSeconds(3600);
        String id = awaitingCab("shopper", service, start);
        String number = asManager().get("/api/v1/changes/{id}", id).then().extract().path("number");
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CHANGE)) {
            vote(id, "cab1", "APPROVE", 201);
            vote(id, "cab2", "APPROVE", 201);
            ConsumerRecord<String, String> approved = awaitEvent(reader, id, EventTypes.CHANGE_APPROVED);
            assertEquals("1.0", KafkaTopicReader.header(approved, "ce_specversion"));
            assertEquals(EventSource.CHANGE_SERVICE, KafkaTopicReader.header(approved, "ce_source"));
            assertEquals(number, KafkaTopicReader.header(approved, "ce_subject"));
            assertNotNull(UUID.fromString(KafkaTopicReader.header(approved, "ce_id")));
            assertNotNull(KafkaTopicReader.header(approved, "ce_time"));
            ChangeEvent event = JSON.readValue(approved.value(), ChangeEvent.class);
            assertEquals(List.of(service), event.affectedServiceIds());
            assertEquals(start, event.plannedStart());
            assertEquals(start.plusSeconds(3600), event.plannedEnd());
            assertEquals("2.4", event.catalogUpdate().version());
            assertEquals("shopper", event.requester());
            assertEquals("AUTHORIZE", event.state());
            assertEquals("MEDIUM", event.riskLevel());
            assertEquals(List.of(), event.awaitedVotes());
            // the assessed change awaited the CAB's votes (notification-service mails the CAB members)
            ChangeEvent assessed = JSON.readValue(awaitEvent(reader, id, EventTypes.CHANGE_ASSESSED).value(),
                    ChangeEvent.class);
            assertEquals(List.of("CAB_MEMBER"), assessed.awaitedVotes());

            ConsumerRecord<String, String> secondVote = reader.await(record -> id.equals(record.key())
                    && EventTypes.CHANGE_APPROVAL_VOTE_CAST.equals(KafkaTopicReader.header(record, "ce_type"))
                    && record.value().contains("cab2"), 1, Duration.ofSeconds(20)).get(0);
            ChangeApprovalEvent voteEvent = JSON.readValue(secondVote.value(), ChangeApprovalEvent.class);
            assertEquals("APPROVED", voteEvent.approvalStatus());
            assertEquals("shopper", voteEvent.requester());

            asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
            asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
            asManager().body("{\"outcome\": \"SUCCESSFUL\"}").post("/api/v1/changes/{id}/close", id).then()
                    .statusCode(200);
            ChangeEvent implemented = JSON.readValue(awaitEvent(reader, id, EventTypes.CHANGE_IMPLEMENTED).value(),
                    ChangeEvent.class);
            assertEquals("SUCCESSFUL", implemented.outcome());
            assertEquals("2.4", implemented.catalogUpdate().version());
            assertEquals(List.of(service), implemented.affectedServiceIds());
            awaitEvent(reader, id, EventTypes.CHANGE_CLOSED);

            // every moment of the change, in order, on its key
            List<String> types = reader.await(record -> id.equals(record.key()), 10, Duration.ofSeconds(20)).stream()
                    .map(record -> KafkaTopicReader.header(record, "ce_type")).toList();
            assertThat(types.subList(0, 3), contains(EventTypes.CHANGE_CREATED, EventTypes.CHANGE_SUBMITTED,
                    EventTypes.CHANGE_ASSESSED));
            assertThat(types, hasItem(EventTypes.CHANGE_SCHEDULED));
            assertThat(types, hasItem(EventTypes.CHANGE_IMPLEMENTATION_STARTED));
        }
    }

    @Test
    void failedAndCancelledChangesArePublishedForTheCatalogToDropThePlan() throws Exception {
        UUID service = liveService("Intranet");
        String failing = create(asRequester("failer"), normalChange("Will fail", service, freshDay(), 30));
        asRequester("failer").post("/api/v1/changes/{id}/submit", failing).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", failing).then().statusCode(200);
        as("change-manager", Roles.CHANGE_MANAGER).body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/changes/{id}/approvals", failing).then().statusCode(201);
        asManager().post("/api/v1/changes/{id}/schedule", failing).then().statusCode(200);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", failing).then().statusCode(200);
        asManager().body("{\"outcome\": \"FAILED\"}").post("/api/v1/changes/{id}/review", failing).then()
                .statusCode(200);
        String cancelled = create(asRequester("failer"), normalChange("Withdrawn", service, freshDay(), 30));
        asRequester("failer").body("{\"reason\": \"no longer needed\"}").post("/api/v1/changes/{id}/cancel", cancelled)
                .then().statusCode(200);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CHANGE)) {
            ChangeEvent failed = JSON.readValue(awaitEvent(reader, failing, EventTypes.CHANGE_FAILED).value(),
                    ChangeEvent.class);
            assertEquals("FAILED", failed.outcome());
            assertEquals(List.of(service), failed.affectedServiceIds());
            ChangeEvent withdrawn = JSON.readValue(awaitEvent(reader, cancelled, EventTypes.CHANGE_CANCELLED).value(),
                    ChangeEvent.class);
            assertEquals("CANCELLED", withdrawn.state());
            assertEquals("failer", withdrawn.requester());
        }
    }

    @Test
    void aRedeliveredCatalogEventIsAppliedOnce() {
        UUID service = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String live = """
                {"id": "%s", "number": "SVC0009002", "name": "Billing", "type": "BUSINESS", "lifecycle": "LIVE",
                 "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(service);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, service.toString(), eventId, EventTypes.CATALOG_SERVICE_CREATED,
                    EventSource.CATALOG_SERVICE, "SVC0009002", live);
        }
        awaitService(service);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            // the same event id again, carrying a retirement: a second application would retire the service
            sender.send(Topics.CATALOG, service.toString(), eventId, EventTypes.CATALOG_SERVICE_CREATED,
                    EventSource.CATALOG_SERVICE, "SVC0009002", live.replace("\"LIVE\"", "\"RETIRED\""));
            // then another service on the same key (same partition, so consumed after the redelivery)
            UUID marker = UUID.randomUUID();
            sender.send(Topics.CATALOG, service.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_SERVICE_CREATED, EventSource.CATALOG_SERVICE, "SVC0009003", """
                            {"id": "%s", "number": "SVC0009003", "name": "Marker", "type": "BUSINESS", "lifecycle": "LIVE",
                             "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(marker));
            awaitService(marker);
        }
        asManager().body(normalChange("Still live", service, freshDay(), 30)).post("/api/v1/changes").then()
                .statusCode(201);
    }

    @Test
    void aProblemNamingItsFixChangeGivesTheChangeItsNumberOnce() {
        UUID service = liveService("Printing");
        String id = create(asRequester("fixer"), normalChange("Fix the spooler", service, freshDay(), 30));
        String number = asManager().get("/api/v1/changes/{id}", id).then().extract().path("number");
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"id": "%s", "number": "PRB0004242", "state": "FIX_IN_PROGRESS", "fixChangeNumber": "%s",
                 "linkedIncidentNumbers": [], "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(UUID.randomUUID(), number);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.PROBLEM, "p42", eventId, EventTypes.PROBLEM_UPDATED, EventSource.PROBLEM_SERVICE,
                        "PRB0004242", payload);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asRequester("fixer")
                .get("/api/v1/changes/{id}", id).then().body("problemNumber", equalTo("PRB0004242")));
        // give the redelivery time to be processed, then check it had no second effect
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> fields = asRequester("fixer").get("/api/v1/changes/{id}/history", id).then().statusCode(200)
                    .extract().path("field");
            assertEquals(1, fields.stream().filter("problemNumber"::equals).count(), fields.toString());
        });
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.CATALOG))) {
            String marker = "not-a-cloud-event-" + UUID.randomUUID();
            sender.sendRaw(new ProducerRecord<>(Topics.CATALOG, "junk", marker));
            ConsumerRecord<String, String> parked = deadLetters.await(record -> marker.equals(record.value()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertNotNull(KafkaTopicReader.header(parked, "dead-letter-reason"));
        }
        liveService("After the junk");
    }

    private static ConsumerRecord<String, String> awaitEvent(KafkaTopicReader reader, String id, String type) {
        return reader.await(record -> id.equals(record.key()) && type.equals(KafkaTopicReader.header(record, "ce_type")),
                1, Duration.ofSeconds(20)).get(0);
    }
}
