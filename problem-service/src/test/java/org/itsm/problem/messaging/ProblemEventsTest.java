package org.itsm.problem.messaging;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.problem.ProblemTestSupport.asAgent;
import static org.itsm.problem.ProblemTestSupport.asManager;
import static org.itsm.problem.ProblemTestSupport.createProblem;
import static org.itsm.problem.ProblemTestSupport.observedIncident;
import static org.itsm.problem.ProblemTestSupport.uniqueNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.problem.service.RecurringIncidentDetector;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Events against the real broker: the outbox relay's output, recurring-incident detection from incident events
 * (also redelivered and concurrent), the fix through change, the catalog read model and the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "problem"))
class ProblemEventsTest {

    private static final String PROBLEMS = "/api/v1/problems";
    /** Generous: the machine running the tests may be busy. */
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @Inject
    RecurringIncidentDetector detector;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aPublishedKnownErrorReachesTheTopicAsACloudEventForTheLinkedIncidents() {
        String id = createProblem("Known error on the topic");
        String number = asManager().get(PROBLEMS + "/{id}", id).then().extract().path("number");
        String incident = observedIncident();
        asManager().body("{\"incidentNumber\": \"" + incident + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201);
        asManager().body("{\"symptom\": \"Mail stuck\", \"rootCause\": \"Queue full\", \"workaround\": \"Restart the MTA\"}")
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(200);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            ConsumerRecord<String, String> linked = reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_INCIDENT_LINKED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    TIMEOUT).get(0);
            assertEquals(List.of(incident), JsonPath.from(linked.value()).getList("affectedIncidentNumbers"));
            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key())
                    && EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED.equals(KafkaTopicReader.header(r, "ce_type")), 1,
                    TIMEOUT).get(0);
            assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
            assertEquals(EventSource.PROBLEM_SERVICE, KafkaTopicReader.header(record, "ce_source"));
            assertEquals(number, KafkaTopicReader.header(record, "ce_subject"));
            assertNotNull(UUID.fromString(KafkaTopicReader.header(record, "ce_id")));
            assertNotNull(KafkaTopicReader.header(record, "ce_time"));
            JsonPath payload = JsonPath.from(record.value());
            assertEquals("Restart the MTA", payload.getString("workaround"));
            assertEquals(number, payload.getString("problemNumber"));
            assertEquals(List.of(incident), payload.getList("linkedIncidentNumbers"));
        }
    }

    @Test
    void threeMatchingIncidentsOpenOneCandidateEvenWhenRedelivered() {
        UUID service = UUID.randomUUID();
        List<String> incidents = List.of(uniqueNumber("INC"), uniqueNumber("INC"), uniqueNumber("INC"));
        Instant now = Instant.now();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            for (int i = 0; i < incidents.size(); i++) {
                String eventId = UUID.randomUUID().toString();
                String payload = incidentJson(incidents.get(i), service, "network", "NEW", now.plusSeconds(i));
                // every event delivered twice: the second delivery must have no effect
                for (int delivery = 0; delivery < 2; delivery++) {
                    sender.send(Topics.INCIDENT, incidents.get(i), eventId, EventTypes.INCIDENT_CREATED,
                            EventSource.INCIDENT_SERVICE, incidents.get(i), payload);
                }
            }
            // an update of the same incident is a new event, but no new incident
            sender.send(Topics.INCIDENT, incidents.get(0), UUID.randomUUID().toString(), EventTypes.INCIDENT_UPDATED,
                    EventSource.INCIDENT_SERVICE, incidents.get(0),
                    incidentJson(incidents.get(0), service, "network", "IN_PROGRESS", now.plusSeconds(10)));
        }
        String candidate = awaitSingleCandidate(service, incidents);
        asAgent().get(PROBLEMS + "/{id}", candidate).then()
                .body("state", equalTo("NEW"))
                .body("category", equalTo("network"))
                .body("createdBy", equalTo("problem-service:detection"))
                .body("incidentCount", equalTo(3));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            reader.await(record -> candidate.equals(record.key())
                    && EventTypes.PROBLEM_CANDIDATE_DETECTED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    TIMEOUT);
        }

        // a later matching incident joins the candidate instead of opening another
        String fourth = uniqueNumber("INC");
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.INCIDENT, fourth, UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED,
                    EventSource.INCIDENT_SERVICE, fourth,
                    incidentJson(fourth, service, "network", "NEW", now.plusSeconds(20)));
        }
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .get(PROBLEMS + "/{id}", candidate).then().body("incidentCount", equalTo(4)));
        asAgent().queryParam("serviceId", service.toString()).get(PROBLEMS).then().body("total", equalTo(1));

        // an incident the problem manager unlinked is not linked again by its next update
        asManager().delete(PROBLEMS + "/{id}/incidents/{number}", candidate, fourth).then().statusCode(200)
                .body("incidentCount", equalTo(3));
        String fifth = uniqueNumber("INC");
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            // one record key for both, so the update is processed before the fifth incident
            sender.send(Topics.INCIDENT, fourth, UUID.randomUUID().toString(), EventTypes.INCIDENT_UPDATED,
                    EventSource.INCIDENT_SERVICE, fourth,
                    incidentJson(fourth, service, "network", "IN_PROGRESS", now.plusSeconds(30)));
            sender.send(Topics.INCIDENT, fourth, UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED,
                    EventSource.INCIDENT_SERVICE, fifth,
                    incidentJson(fifth, service, "network", "NEW", now.plusSeconds(31)));
        }
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .get(PROBLEMS + "/{id}/incidents", candidate).then().body("incidentNumber", hasItem(fifth)));
        asAgent().get(PROBLEMS + "/{id}/incidents", candidate).then()
                .body("incidentNumber", not(hasItem(fourth))).body("size()", equalTo(4));
    }

    @Test
    void concurrentIncidentEventsStillOpenOneCandidate() throws Exception {
        UUID service = UUID.randomUUID();
        Instant now = Instant.now();
        List<IncidentEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new IncidentEvent(UUID.randomUUID(), uniqueNumber("INC"), "Slow DNS", "NEW", "P3", 2, 2,
                    "dns", service, null, "caller", null, null, false, null, null, null, List.of(), now.plusSeconds(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        try {
            List<Callable<Void>> observations = events.stream().<Callable<Void>>map(event -> () -> {
                try {
                    // each observation on its own Vert.x context: its own session and transaction, as consumers have
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> detector.observe(event)));
                } catch (Throwable failure) {
                    throw new AssertionError("observation failed", failure);
                }
                return null;
            }).toList();
            for (Future<Void> done : pool.invokeAll(observations)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        awaitSingleCandidate(service, events.stream().map(IncidentEvent::number).toList());
    }

    @Test
    void aCandidateCannotBeMovedOntoTheServiceAndCategoryOfAnother() throws Throwable {
        UUID service = UUID.randomUUID();
        Instant now = Instant.now();
        for (String category : List.of("disk", "memory")) {
            for (int i = 0; i < 3; i++) {
                IncidentEvent event = new IncidentEvent(UUID.randomUUID(), uniqueNumber("INC"), "Full", "NEW", "P3", 2,
                        2, category, service, null, "caller", null, null, false, null, null, null, List.of(),
                        now.plusSeconds(i));
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> detector.observe(event)));
            }
        }
        String disk = asAgent().queryParam("serviceId", service.toString()).queryParam("category", "disk")
                .get(PROBLEMS).then().body("total", equalTo(1)).extract().path("items[0].number");
        String memory = asAgent().queryParam("serviceId", service.toString()).queryParam("category", "memory")
                .get(PROBLEMS).then().body("total", equalTo(1)).extract().path("items[0].id");
        asManager().body("{\"category\": \"disk\"}").patch(PROBLEMS + "/{id}", memory).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(disk));
        asAgent().get(PROBLEMS + "/{id}", memory).then().body("category", equalTo("memory"));
    }

    @Test
    void incidentsOfTheSameCategoryWithinTheWindowRecurButNotCancelledOnes() {
        UUID service = UUID.randomUUID();
        Instant now = Instant.now();
        List<String> recurring = List.of(uniqueNumber("INC"), uniqueNumber("INC"), uniqueNumber("INC"));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            send(sender, uniqueNumber("INC"), service, "storage", "NEW", now.minus(Duration.ofHours(30)));
            send(sender, uniqueNumber("INC"), service, "backup", "NEW", now.minusSeconds(30));
            send(sender, uniqueNumber("INC"), service, "storage", "CANCELLED", now.minusSeconds(20));
            send(sender, uniqueNumber("INC"), UUID.randomUUID(), "storage", "NEW", now.minusSeconds(10));
            for (int i = 0; i < recurring.size(); i++) {
                send(sender, recurring.get(i), service, "storage", "NEW", now.plusSeconds(i));
            }
        }
        awaitSingleCandidate(service, recurring);
    }

    @Test
    void anImplementedFixChangeResolvesTheProblem() {
        String id = problemInFix("Fixed by change");
        String change = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200).body("state", equalTo("FIX_IN_PROGRESS"));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            // another change's implementation does not touch the problem
            sendChange(sender, EventTypes.CHANGE_IMPLEMENTED, uniqueNumber("CHG"), "SUCCESSFUL");
            sendChange(sender, EventTypes.CHANGE_IMPLEMENTED, change, "SUCCESSFUL");
        }
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .get(PROBLEMS + "/{id}", id).then()
                .body("state", equalTo("RESOLVED"))
                .body("resolutionCode", equalTo("FIX_APPLIED"))
                .body("fixChangeOutcome", equalTo("IMPLEMENTED"))
                .body("resolutionNotes", containsString(change)));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            ConsumerRecord<String, String> resolved = reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_RESOLVED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    TIMEOUT).get(0);
            assertEquals("FIX_APPLIED", JsonPath.from(resolved.value()).getString("resolutionCode"));
            assertEquals(change, JsonPath.from(resolved.value()).getString("fixChangeNumber"));
        }
    }

    @Test
    void aFailedFixChangeSendsTheProblemBackToAnalysis() {
        String id = problemInFix("Fix failed");
        String change = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200).body("state", equalTo("FIX_IN_PROGRESS"));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sendChange(sender, EventTypes.CHANGE_FAILED, change, "FAILED");
        }
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .get(PROBLEMS + "/{id}", id).then()
                .body("state", equalTo("ROOT_CAUSE_ANALYSIS"))
                .body("fixChangeOutcome", equalTo("FAILED")));
        asAgent().get(PROBLEMS + "/{id}/history", id).then()
                .body("find { it.field == 'fixChangeOutcome' }.actor", equalTo("problem-service:change-events"))
                .body("find { it.field == 'state' && it.from == 'FIX_IN_PROGRESS' }.actor",
                        equalTo("problem-service:change-events"))
                .body("findAll { it.field == 'stateReason' }.to",
                        hasItem(allOf(containsString(change), containsString("failed"))));
        // the failed change is no evidence of a fix, and it cannot be recorded again: a new change carries the fix
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("changeNumber"));
        String next = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + next + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200).body("state", equalTo("FIX_IN_PROGRESS")).body("fixChangeOutcome", nullValue());
    }

    @Test
    void aCancelledFixChangeSendsTheProblemBackToAnalysisWithTheReason() {
        String id = problemInFix("Fix change cancelled");
        String change = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200).body("state", equalTo("FIX_IN_PROGRESS"));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            // another change's cancellation does not touch the problem
            sendChange(sender, EventTypes.CHANGE_CANCELLED, uniqueNumber("CHG"), null);
            sendChange(sender, EventTypes.CHANGE_CANCELLED, change, null);
        }
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .get(PROBLEMS + "/{id}", id).then()
                .body("state", equalTo("ROOT_CAUSE_ANALYSIS"))
                .body("fixChangeOutcome", equalTo("CANCELLED")));
        asAgent().get(PROBLEMS + "/{id}/history", id).then()
                .body("find { it.field == 'state' && it.from == 'FIX_IN_PROGRESS' }.actor",
                        equalTo("problem-service:change-events"))
                .body("findAll { it.field == 'stateReason' }.to",
                        hasItem(allOf(containsString(change), containsString("cancelled"))));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            ConsumerRecord<String, String> moved = reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_STATE_CHANGED.equals(KafkaTopicReader.header(record, "ce_type"))
                    && "ROOT_CAUSE_ANALYSIS".equals(JsonPath.from(record.value()).getString("state"))
                    && change.equals(JsonPath.from(record.value()).getString("fixChangeNumber")), 1, TIMEOUT).get(0);
            assertNotNull(moved.value());
        }
    }

    @Test
    void anIncidentLinkedAfterTheKnownErrorWasPublishedGetsTheWorkaround() {
        String id = createProblem("Workaround for late links");
        String early = observedIncident();
        String late = observedIncident();
        asManager().body("{\"incidentNumber\": \"" + early + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201);
        asManager().body("{\"symptom\": \"Mail stuck\", \"workaround\": \"Restart the MTA\"}")
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(200);
        asAgent().body("{\"incidentNumber\": \"" + late + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            JsonPath before = JsonPath.from(reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_INCIDENT_LINKED.equals(KafkaTopicReader.header(record, "ce_type"))
                    && JsonPath.from(record.value()).getList("affectedIncidentNumbers").contains(early), 1,
                    TIMEOUT).get(0).value());
            assertNull(before.getString("knownErrorWorkaround"));
            JsonPath after = JsonPath.from(reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_INCIDENT_LINKED.equals(KafkaTopicReader.header(record, "ce_type"))
                    && JsonPath.from(record.value()).getList("affectedIncidentNumbers").contains(late), 1,
                    TIMEOUT).get(0).value());
            assertEquals(List.of(late), after.getList("affectedIncidentNumbers"));
            assertEquals("Restart the MTA", after.getString("knownErrorWorkaround"));
        }
        // every later problem event carries it too
        asManager().body("{\"assignee\": \"zoe\"}").patch(PROBLEMS + "/{id}", id).then().statusCode(200);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.PROBLEM)) {
            JsonPath updated = JsonPath.from(reader.await(record -> id.equals(record.key())
                    && EventTypes.PROBLEM_UPDATED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    TIMEOUT).get(0).value());
            assertEquals("Restart the MTA", updated.getString("knownErrorWorkaround"));
        }
    }

    @Test
    void incidentsResolvedQuicklyStillRecur() {
        UUID service = UUID.randomUUID();
        Instant now = Instant.now();
        List<String> incidents = List.of(uniqueNumber("INC"), uniqueNumber("INC"), uniqueNumber("INC"));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            for (int i = 0; i < incidents.size(); i++) {
                String number = incidents.get(i);
                // one record key for all: each quick fix is processed before the next incident arrives
                sender.send(Topics.INCIDENT, "quick-fixes", UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED,
                        EventSource.INCIDENT_SERVICE, number,
                        incidentJson(number, service, "login", "NEW", now.plusSeconds(i * 60L)));
                sender.send(Topics.INCIDENT, "quick-fixes", UUID.randomUUID().toString(),
                        EventTypes.INCIDENT_RESOLVED, EventSource.INCIDENT_SERVICE, number,
                        incidentJson(number, service, "login", "RESOLVED", now.plusSeconds(i * 60L + 30)));
            }
        }
        awaitSingleCandidate(service, incidents);
    }

    @Test
    void catalogEventsFeedTheServicesUsedForValidation() {
        UUID service = UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, service.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_SERVICE_CREATED, EventSource.CATALOG_SERVICE, "SVC0001001", """
                            {"id": "%s", "number": "SVC0001001", "name": "Email", "type": "BUSINESS", "lifecycle": "LIVE",
                             "supportGroup": "messaging", "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(service));
        }
        String body = "{\"statement\": \"Mail bounces\", \"impact\": 2, \"urgency\": 2, \"serviceId\": \"%s\"}"
                .formatted(service);
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asManager().body(body)
                .post(PROBLEMS).then().statusCode(201)
                .body("serviceId", equalTo(service.toString()))
                .body("assignmentGroup", equalTo("messaging")));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String marker = "not-a-cloud-event-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.INCIDENT))) {
            sender.sendRaw(new ProducerRecord<>(Topics.INCIDENT, "junk", marker));
            sender.send(Topics.INCIDENT, "bad", eventId, EventTypes.INCIDENT_CREATED, EventSource.INCIDENT_SERVICE,
                    "INC0000000", "{\"number\": [1, 2]}");
            ConsumerRecord<String, String> parked = deadLetters.await(r -> marker.equals(r.value()), 1,
                    TIMEOUT).get(0);
            assertNotNull(KafkaTopicReader.header(parked, "dead-letter-reason"));
            deadLetters.await(r -> eventId.equals(KafkaTopicReader.header(r, "ce_id")), 1, TIMEOUT);
            // consumption goes on behind the parked events
            UUID service = UUID.randomUUID();
            List<String> incidents = List.of(uniqueNumber("INC"), uniqueNumber("INC"), uniqueNumber("INC"));
            incidents.forEach(number -> send(sender, number, service, "printing", "NEW", Instant.now()));
            awaitSingleCandidate(service, incidents);
        }
    }

    /** Waits for exactly one detected candidate on the service, linking exactly the given incidents. */
    private static String awaitSingleCandidate(UUID service, List<String> incidents) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> asAgent()
                .queryParam("serviceId", service.toString()).queryParam("source", "DETECTED").get(PROBLEMS).then()
                .body("total", equalTo(1)).body("items[0].incidentCount", equalTo(incidents.size())));
        String candidate = asAgent().queryParam("serviceId", service.toString()).get(PROBLEMS).then()
                .body("total", equalTo(1)).extract().path("items[0].id");
        List<String> linked = asAgent().get(PROBLEMS + "/{id}/incidents", candidate).then().statusCode(200)
                .extract().path("incidentNumber");
        assertEquals(incidents.stream().sorted().toList(), linked.stream().sorted().toList());
        return candidate;
    }

    private static String problemInFix(String statement) {
        String id = createProblem(statement);
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200);
        asManager().body("{\"rootCause\": \"Race in the scheduler\"}").patch(PROBLEMS + "/{id}", id).then()
                .statusCode(200);
        return id;
    }

    private static void send(CloudEventSender sender, String number, UUID service, String category, String state,
            Instant at) {
        sender.send(Topics.INCIDENT, number, UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED,
                EventSource.INCIDENT_SERVICE, number, incidentJson(number, service, category, state, at));
    }

    private static void sendChange(CloudEventSender sender, String type, String number, String outcome) {
        sender.send(Topics.CHANGE, number, UUID.randomUUID().toString(), type, EventSource.CHANGE_SERVICE, number, """
                {"id": "%s", "number": "%s", "type": "NORMAL", "state": "REVIEW", "title": "Fix",
                 "outcome": %s, "occurredAt": "%s"}""".formatted(UUID.randomUUID(), number,
                outcome == null ? "null" : "\"" + outcome + "\"", Instant.now()));
    }

    private static String incidentJson(String number, UUID service, String category, String state, Instant at) {
        return """
                {"id": "%s", "number": "%s", "shortDescription": "Something broke", "state": "%s", "priority": "P3",
                 "impact": 2, "urgency": 2, "category": "%s", "serviceId": "%s", "caller": "alice", "major": false,
                 "changedFields": [], "occurredAt": "%s"}"""
                .formatted(UUID.nameUUIDFromBytes(number.getBytes()), number, state, category, service, at);
    }
}
