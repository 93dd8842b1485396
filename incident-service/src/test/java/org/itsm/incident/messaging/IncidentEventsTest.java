package org.itsm.incident.messaging;

import static org.hamcrest.Matchers.equalTo;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events against the real broker: the outbox relay's output and the consumers' exactly-once effects. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentEventsTest {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void createdIncidentReachesTheTopicAsACloudEvent() {
        var created = asAgent().body(newIncidentJson("Outbox check", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("number");
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            ConsumerRecord<String, String> record = reader.await(
                    r -> id.equals(r.key()) && EventTypes.INCIDENT_CREATED.equals(KafkaTopicReader.header(r, "ce_type")),
                    1, Duration.ofSeconds(15)).get(0);
            assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
            assertEquals(EventSource.INCIDENT_SERVICE, KafkaTopicReader.header(record, "ce_source"));
            assertEquals(number, KafkaTopicReader.header(record, "ce_subject"));
            assertNotNull(UUID.fromString(KafkaTopicReader.header(record, "ce_id")));
            assertNotNull(KafkaTopicReader.header(record, "ce_time"));
            org.hamcrest.MatcherAssert.assertThat(record.value(), org.hamcrest.Matchers.containsString(number));
        }
    }

    /** Whom a hold waits for travels with the event: notification-service mails the caller only for AWAITING_CALLER. */
    @Test
    void aHoldCarriesItsReasonOnTheEventAndResumingClearsIt() {
        String id = asAgent().body(newIncidentJson("Hold reason on the event", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200);
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which floor are you on?\"}")
                .post("/api/v1/incidents/{id}/hold", id).then().statusCode(200);
        asAgent().post("/api/v1/incidents/{id}/resume", id).then().statusCode(200);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            List<ConsumerRecord<String, String>> moves = reader.await(r -> id.equals(r.key())
                    && EventTypes.INCIDENT_STATE_CHANGED.equals(KafkaTopicReader.header(r, "ce_type")),
                    3, Duration.ofSeconds(15));
            List<String> holdReasons = moves.stream().map(r -> io.restassured.path.json.JsonPath.from(r.value())
                    .getString("state") + "/" + io.restassured.path.json.JsonPath.from(r.value()).getString("holdReason"))
                    .toList();
            assertEquals(List.of("IN_PROGRESS/null", "ON_HOLD/AWAITING_CALLER", "IN_PROGRESS/null"), holdReasons);
        }
    }

    @Test
    void knownErrorRedeliveredIsAppliedOnce() {
        var created = asAgent().body(newIncidentJson("Mail stuck", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("number");
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"problemId": "%s", "problemNumber": "PRB0001001", "symptom": "Mail stuck", "rootCause": "Queue full",
                 "workaround": "Restart the MTA", "linkedIncidentNumbers": ["%s"], "occurredAt": "2026-11-26T10:00:00Z"}
                """.formatted(UUID.randomUUID(), number);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.PROBLEM, "p1", eventId, EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED,
                        EventSource.PROBLEM_SERVICE, "PRB0001001", payload);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/incidents/{id}", id).then().body("workaround", equalTo("Restart the MTA")));
        // give the redelivery time to be processed, then check it had no second effect
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> notes = asAgent().get("/api/v1/incidents/{id}/work-notes", id).then().statusCode(200)
                    .extract().path("body");
            assertEquals(1, notes.stream().filter(note -> note.contains("PRB0001001")).count(), notes.toString());
        });
    }

    @Test
    void problemLinksAndUnlinksFollowTheProblemEvents() {
        String id = asAgent().body(newIncidentJson("Printer offline", 3, 3)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        String number = asAgent().get("/api/v1/incidents/{id}", id).then().extract().path("number");
        String problem = """
                {"id": "%s", "number": "PRB0002001", "state": "ASSESSMENT", "linkedIncidentNumbers": [%s],
                 "affectedIncidentNumbers": ["%s"], "occurredAt": "2026-11-26T10:00:00Z"}""";
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.PROBLEM, "p2", UUID.randomUUID().toString(), EventTypes.PROBLEM_INCIDENT_LINKED,
                    EventSource.PROBLEM_SERVICE, "PRB0002001",
                    problem.formatted(UUID.randomUUID(), "\"" + number + "\"", number));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/incidents/{id}", id).then().body("problemNumber", equalTo("PRB0002001")));
            sender.send(Topics.PROBLEM, "p2", UUID.randomUUID().toString(), EventTypes.PROBLEM_INCIDENT_UNLINKED,
                    EventSource.PROBLEM_SERVICE, "PRB0002001", problem.formatted(UUID.randomUUID(), "", number));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/incidents/{id}", id).then().body("problemNumber", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void catalogEventsFeedTheReadModelUsedForValidationAndSla() {
        UUID serviceId = UUID.randomUUID();
        UUID offeringId = UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, serviceId.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_SERVICE_CREATED, EventSource.CATALOG_SERVICE, "SVC0001001", """
                            {"id": "%s", "number": "SVC0001001", "name": "Email", "type": "BUSINESS", "lifecycle": "LIVE",
                             "supportGroup": "messaging", "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(serviceId));
            sender.send(Topics.CATALOG, serviceId.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0001001", """
                            {"id": "%s", "serviceId": "%s", "name": "Email Gold", "status": "ACTIVE",
                             "slaTargets": [{"priority": "P2", "responseMinutes": 10, "resolutionMinutes": 120}],
                             "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(offeringId, serviceId));
        }
        String body = "{\"shortDescription\": \"Gold mail slow\", \"impact\": 1, \"urgency\": 2, \"offeringId\": \"%s\"}"
                .formatted(offeringId);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent().body(body)
                .post("/api/v1/incidents").then().statusCode(201)
                .body("serviceId", equalTo(serviceId.toString()))
                .body("assignmentGroup", equalTo("messaging"))
                .body("sla.resolution.targetMinutes", equalTo(120))
                .body("sla.response.targetMinutes", equalTo(10)));
    }

    @Test
    void anIncidentLinkedAfterTheKnownErrorWasPublishedGetsItsWorkaround() {
        var created = asAgent().body(newIncidentJson("VPN drops hourly", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("number");
        String problem = """
                {"id": "%s", "number": "PRB0003001", "state": "ROOT_CAUSE_ANALYSIS", "linkedIncidentNumbers": ["%s"],
                 "affectedIncidentNumbers": ["%s"], "occurredAt": "2026-11-26T10:00:00Z",
                 "knownErrorWorkaround": "Reconnect with split tunnelling off"}""".formatted(UUID.randomUUID(), number,
                number);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.PROBLEM, "p3", UUID.randomUUID().toString(), EventTypes.PROBLEM_INCIDENT_LINKED,
                    EventSource.PROBLEM_SERVICE, "PRB0003001", problem);
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/incidents/{id}", id).then()
                .body("workaround", equalTo("Reconnect with split tunnelling off"))
                .body("problemNumber", equalTo("PRB0003001")));
        List<String> notes = asAgent().get("/api/v1/incidents/{id}/work-notes", id).then().statusCode(200)
                .extract().path("body");
        assertEquals(1, notes.stream().filter(note -> note.contains("PRB0003001")
                && note.contains("Reconnect with split tunnelling off")).count(), notes.toString());
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("find { it.field == 'workaround' }.to", equalTo("Reconnect with split tunnelling off"));
    }

    @Test
    void anIncidentNamingOnlyTheServiceTakesTheServicesDefaultOffering() {
        UUID serviceId = UUID.randomUUID();
        UUID plainOffering = UUID.randomUUID();
        UUID defaultOffering = UUID.randomUUID();
        UUID bareService = UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            for (UUID service : List.of(serviceId, bareService)) {
                sender.send(Topics.CATALOG, service.toString(), UUID.randomUUID().toString(),
                        EventTypes.CATALOG_SERVICE_CREATED, EventSource.CATALOG_SERVICE, "SVC0002001", """
                                {"id": "%s", "number": "SVC0002001", "name": "Payroll", "type": "BUSINESS",
                                 "lifecycle": "LIVE", "supportGroup": "payroll", "occurredAt": "2026-11-26T10:00:00Z"}"""
                                .formatted(service));
            }
            sender.send(Topics.CATALOG, serviceId.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0002001", """
                            {"id": "%s", "serviceId": "%s", "name": "Payroll Gold", "status": "ACTIVE",
                             "slaTargets": [{"priority": "P3", "responseMinutes": 5, "resolutionMinutes": 50}],
                             "occurredAt": "2026-11-26T10:00:00Z", "defaultOffering": false}"""
                            .formatted(plainOffering, serviceId));
            sender.send(Topics.CATALOG, serviceId.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0002001", """
                            {"id": "%s", "serviceId": "%s", "name": "Payroll Standard", "status": "ACTIVE",
                             "slaTargets": [{"priority": "P3", "responseMinutes": 20, "resolutionMinutes": 200}],
                             "occurredAt": "2026-11-26T10:00:00Z", "defaultOffering": true}"""
                            .formatted(defaultOffering, serviceId));
            sender.send(Topics.CATALOG, bareService.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0002001", """
                            {"id": "%s", "serviceId": "%s", "name": "Bare Gold", "status": "ACTIVE",
                             "slaTargets": [{"priority": "P3", "responseMinutes": 5, "resolutionMinutes": 50}],
                             "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(UUID.randomUUID(), bareService));
        }
        String body = "{\"shortDescription\": \"Payslips missing\", \"impact\": 2, \"urgency\": 2, \"serviceId\": \"%s\"}";
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> id[0] = asAgent()
                .body(body.formatted(serviceId)).post("/api/v1/incidents").then().statusCode(201)
                .body("offeringId", org.hamcrest.Matchers.nullValue())
                .body("sla.resolution.targetMinutes", equalTo(200))
                .body("sla.response.targetMinutes", equalTo(20)).extract().path("id"));
        asAgent().get("/api/v1/incidents/{id}/sla", id[0]).then().statusCode(200)
                .body("targetSource", equalTo("OFFERING"))
                .body("termsOfferingId", equalTo(defaultOffering.toString()))
                .body("explanation", org.hamcrest.Matchers.containsString("default offering"));
        // a service without a default offering: the defaults, and the explanation says why
        String bare = asAgent().body(body.formatted(bareService)).post("/api/v1/incidents").then().statusCode(201)
                .body("sla.resolution.targetMinutes", equalTo(1440)).extract().path("id");
        asAgent().get("/api/v1/incidents/{id}/sla", bare).then().statusCode(200)
                .body("targetSource", equalTo("DEFAULT"))
                .body("termsOfferingId", org.hamcrest.Matchers.nullValue())
                .body("explanation", equalTo(
                        "No offering named and the service has no default offering: the configured default targets apply."));
        String none = asAgent().body(newIncidentJson("No service at all", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        asAgent().get("/api/v1/incidents/{id}/sla", none).then().statusCode(200)
                .body("explanation", org.hamcrest.Matchers.containsString("No service and no offering named"));
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.CATALOG))) {
            String marker = "not-a-cloud-event-" + UUID.randomUUID();
            sender.sendRaw(new ProducerRecord<>(Topics.CATALOG, "junk", marker));
            ConsumerRecord<String, String> parked = deadLetters.await(r -> marker.equals(r.value()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertNotNull(KafkaTopicReader.header(parked, "dead-letter-reason"));
        }
        catalogEventsFeedTheReadModelUsedForValidationAndSla();
    }
}
