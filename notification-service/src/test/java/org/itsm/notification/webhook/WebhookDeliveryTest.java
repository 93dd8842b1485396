package org.itsm.notification.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.bootstrap;
import static org.itsm.notification.NotificationTestSupport.incidentJson;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.sendIncidentEvent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.ShiftableClock;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Platform events in, signed webhooks out, through real Kafka and PostgreSQL to a real HTTP receiver: once per event
 * and subscription, signed as Standard Webhooks says (checked by an independent implementation), retried with
 * backoff, given up and the subscription marked failing, replayed; redirects not followed; long answers cut; a
 * delivery an earlier process left in the table is posted by this one (nothing lost across a restart).
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void anIncidentEventReachesItsSubscriberOnceWithAVerifiableSignature() throws Exception {
        String path = "/incidents-" + UUID.randomUUID();
        Map<String, Object> subscription = subscribe(path, "[\"itsm.incident.created.v1\"]");
        String id = (String) subscription.get("id");
        String secret = (String) subscription.get("secret");
        String number = newIncidentNumber();
        UUID incidentId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = incidentJson(incidentId, number, "NEW", "requester", null);

        sendIncidentEvent(eventId, EventTypes.INCIDENT_CREATED, incidentId, number, data);
        sendIncidentEvent(eventId, EventTypes.INCIDENT_CREATED, incidentId, number, data);
        // a type the filter leaves out, then a later event as a marker: once it arrived, the copies were processed
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, incidentId, number, data);
        String marker = UUID.randomUUID().toString();
        sendIncidentEvent(marker, EventTypes.INCIDENT_CREATED, incidentId, number, data);
        await().atMost(WAIT).until(() -> receiver.to(path).stream()
                .anyMatch(request -> marker.equals(request.headers().get("webhook-id"))));

        List<WebhookReceiver.Received> received = receiver.to(path).stream()
                .filter(request -> eventId.equals(request.headers().get("webhook-id"))).toList();
        assertThat(received, hasSize(1));
        assertThat(receiver.to(path), hasSize(2));
        WebhookReceiver.Received webhook = received.get(0);
        assertThat(IndependentSignatureCheck.verifies(secret, webhook.headers(), webhook.body(),
                Instant.now().getEpochSecond()), is(true));
        assertThat(IndependentSignatureCheck.verifies(secret, webhook.headers(), webhook.body() + " ",
                Instant.now().getEpochSecond()), is(false));
        assertThat(webhook.headers().get("content-type"), containsString("application/cloudevents+json"));
        JsonNode cloudEvent = JSON.readTree(webhook.body());
        assertThat(cloudEvent.path("specversion").asText(), equalTo("1.0"));
        assertThat(cloudEvent.path("id").asText(), equalTo(eventId));
        assertThat(cloudEvent.path("type").asText(), equalTo(EventTypes.INCIDENT_CREATED));
        assertThat(cloudEvent.path("source").asText(), equalTo(EventSource.INCIDENT_SERVICE));
        assertThat(cloudEvent.path("subject").asText(), equalTo(number));
        assertThat(cloudEvent.path("datacontenttype").asText(), equalTo("application/json"));
        assertThat(cloudEvent.path("data").path("number").asText(), equalTo(number));
        assertThat(cloudEvent.path("data").path("caller").asText(), equalTo("requester"));

        await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.eventId", contains(marker, eventId))
                .body("items.status", everyItem(equalTo("DELIVERED")))
                .body("items[1].subject", equalTo(number))
                .body("items[1].attempts", hasSize(1))
                .body("items[1].attempts[0].statusCode", equalTo(204))
                .body("items[1].attempts[0].error", nullValue()));
        delete(id);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenTheSubscriptionIsMarkedFailingAndAReplayDelivers() throws Exception {
        String path = "/down-" + UUID.randomUUID();
        String healthyPath = "/healthy-" + UUID.randomUUID();
        receiver.answer(path, 500);
        String id = (String) subscribe(path, "[\"change.approved.v1\"]").get("id");
        String healthy = (String) subscribe(healthyPath, "[\"change.approved.v1\", \"change.created.v1\"]").get("id");
        String eventId = UUID.randomUUID().toString();
        try {
            sendChange(EventTypes.CHANGE_APPROVED, eventId);
            await().atMost(WAIT).until(() -> receiver.to(path).size() == 1);
            await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                    .get("/api/v1/webhooks/" + id + "/deliveries").then()
                    .body("items[0].status", equalTo("PENDING"))
                    .body("items[0].attempts", hasSize(1))
                    .body("items[0].attempts[0].statusCode", equalTo(500))
                    .body("items[0].attempts[0].error", equalTo("HTTP 500"))
                    .body("items[0].nextAttemptAt", notNullValue()));
            // not again before its backoff (one minute, ±20 %) has passed
            ShiftableClock.shift(Duration.ofSeconds(30));
            String marker = UUID.randomUUID().toString();
            sendChange(EventTypes.CHANGE_CREATED, marker);
            await().atMost(WAIT).until(() -> attemptsOf(healthyPath, marker) == 1);
            assertThat(attemptsOf(path, eventId), equalTo(1L));

            ShiftableClock.shift(Duration.ofHours(2));
            await().atMost(WAIT).until(() -> attemptsOf(path, eventId) == 2);
            ShiftableClock.shift(Duration.ofHours(5));
            await().atMost(WAIT).until(() -> attemptsOf(path, eventId) == 3);

            await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id).then()
                    .body("active", equalTo(false))
                    .body("failing", equalTo(true))
                    .body("failingSince", notNullValue())
                    .body("failureReason", containsString("given up after 3 attempts")));
            as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then()
                    .body("items.find { it.eventId == '" + eventId + "' }.status", equalTo("FAILED"))
                    .body("items.find { it.eventId == '" + eventId + "' }.attempts.statusCode", contains(500, 500, 500));

            // a failing subscription gets no new deliveries (the healthy one, fed by the same fan-out, does)
            String later = UUID.randomUUID().toString();
            sendChange(EventTypes.CHANGE_APPROVED, later);
            await().atMost(WAIT).until(() -> receiver.to(healthyPath).stream()
                    .anyMatch(request -> later.equals(request.headers().get("webhook-id"))));
            as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then()
                    .body("items.eventId", not(hasItem(later)));

            // replay: refused while failing; once re-activated and the receiver is back, delivered
            String deliveryId = as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then()
                    .extract().path("items.find { it.eventId == '" + eventId + "' }.id");
            as("admin", Roles.ADMIN).post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/replay").then()
                    .statusCode(409).contentType("application/problem+json");
            receiver.answer(path, 200);
            as("admin", Roles.ADMIN).body("{\"active\": true}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("active", equalTo(true)).body("failing", equalTo(false)).body("failingSince", nullValue());
            as("admin", Roles.ADMIN).post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/replay").then()
                    .statusCode(202).body("status", equalTo("PENDING")).body("attempts", hasSize(3));
            await().atMost(WAIT).until(() -> attemptsOf(path, eventId) == 4);
            await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                    .get("/api/v1/webhooks/" + id + "/deliveries").then()
                    .body("items.find { it.eventId == '" + eventId + "' }.status", equalTo("DELIVERED"))
                    .body("items.find { it.eventId == '" + eventId + "' }.attempts.statusCode",
                            contains(500, 500, 500, 200)));
            as("admin", Roles.ADMIN).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/replay")
                    .then().statusCode(404);
        } finally {
            ShiftableClock.reset();
            delete(id);
            delete(healthy);
        }
    }

    @Test
    void aTargetThatNeverAnswersFailsTheAttemptAfterTheRequestTimeout() {
        String path = "/silent-" + UUID.randomUUID();
        receiver.neverAnswer(path);
        String id = (String) subscribe(path, "[\"problem.root-cause-identified.v1\"]").get("id");
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            UUID problemId = UUID.randomUUID();
            sender.send(Topics.PROBLEM, problemId.toString(), UUID.randomUUID().toString(),
                    EventTypes.PROBLEM_ROOT_CAUSE_IDENTIFIED, EventSource.PROBLEM_SERVICE, "PRB0001003",
                    "{\"id\": \"" + problemId + "\", \"number\": \"PRB0001003\"}");
        }
        // the test profile's request timeout is 3 s
        await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                .get("/api/v1/webhooks/" + id + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts[0].statusCode", nullValue())
                .body("items[0].attempts[0].durationMs", greaterThanOrEqualTo(2900))
                .body("items[0].attempts[0].error", notNullValue()));
        delete(id);
    }

    @Test
    void redirectsAreNotFollowedAndLongAnswersAreCut() throws Exception {
        String redirecting = "/moved-" + UUID.randomUUID();
        String elsewhere = "/elsewhere-" + UUID.randomUUID();
        String chatty = "/chatty-" + UUID.randomUUID();
        receiver.redirect(redirecting, elsewhere);
        receiver.answer(chatty, 200);
        receiver.answerWithBody(chatty, 1_000_000);
        String moved = (String) subscribe(redirecting, "[\"problem.created.v1\"]").get("id");
        String talking = (String) subscribe(chatty, "[\"problem.created.v1\"]").get("id");
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            UUID problemId = UUID.randomUUID();
            sender.send(Topics.PROBLEM, problemId.toString(), UUID.randomUUID().toString(),
                    EventTypes.PROBLEM_CREATED, EventSource.PROBLEM_SERVICE, "PRB0001001",
                    "{\"id\": \"" + problemId + "\", \"number\": \"PRB0001001\"}");
        }
        await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                .get("/api/v1/webhooks/" + moved + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts[0].statusCode", equalTo(302))
                .body("items[0].attempts[0].error", containsString("redirects are not followed")));
        assertThat(receiver.to(elsewhere), empty());
        await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                .get("/api/v1/webhooks/" + talking + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts[0].statusCode", equalTo(200))
                .body("items[0].attempts[0].error", containsString("answer longer than 4096 bytes")));
        delete(moved);
        delete(talking);
    }

    @Test
    void aDeliveryAnEarlierProcessLeftPendingIsPostedByThisOne() throws Exception {
        String path = "/restart-" + UUID.randomUUID();
        Map<String, Object> subscription = subscribe(path, "[\"problem.resolved.v1\"]");
        String id = (String) subscription.get("id");
        String eventId = UUID.randomUUID().toString();
        String body = "{\"specversion\": \"1.0\", \"id\": \"" + eventId + "\", \"type\": \"itsm.problem.resolved.v1\"}";
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement insert = connection.prepareStatement("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, event_subject, body,
                            status, failed_attempts, next_attempt_at, created_at, version)
                        values (?, ?, ?, 'itsm.problem.resolved.v1', 'PRB0001002', ?, 'PENDING', 2, ?, ?, 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(id));
            insert.setObject(3, UUID.fromString(eventId));
            insert.setString(4, body);
            insert.setTimestamp(5, Timestamp.from(Instant.now().minusSeconds(5)));
            insert.setTimestamp(6, Timestamp.from(Instant.now().minusSeconds(3600)));
            insert.executeUpdate();
        }

        await().atMost(WAIT).until(() -> attemptsOf(path, eventId) == 1);
        WebhookReceiver.Received webhook = receiver.to(path).get(0);
        assertThat(webhook.body(), equalTo(body));
        assertThat(IndependentSignatureCheck.verifies((String) subscription.get("secret"), webhook.headers(),
                webhook.body(), Instant.now().getEpochSecond()), is(true));
        await().atMost(WAIT).untilAsserted(() -> as("admin", Roles.ADMIN)
                .get("/api/v1/webhooks/" + id + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", hasSize(1)));
        delete(id);
    }

    @Test
    void unreadableEventsAreDeadLetteredAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.PROBLEM))) {
            sender.sendRaw(new ProducerRecord<>(Topics.PROBLEM, key, "not a cloud event"));
            sender.send(Topics.PROBLEM, key, UUID.randomUUID().toString(), EventTypes.PROBLEM_CREATED,
                    EventSource.PROBLEM_SERVICE, "PRB0000000", "{\"number\": ");
            deadLetters.await(record -> key.equals(record.key()), 2, WAIT)
                    .forEach(record -> assertThat(KafkaTopicReader.header(record, "dead-letter-reason"),
                            not(blankOrNullString())));
        }
    }

    private static long attemptsOf(String path, String eventId) {
        return receiver.to(path).stream().filter(request -> eventId.equals(request.headers().get("webhook-id")))
                .count();
    }

    private static void sendChange(String type, String eventId) {
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            UUID changeId = UUID.randomUUID();
            sender.send(Topics.CHANGE, changeId.toString(), eventId, type,
                    EventSource.CHANGE_SERVICE, "CHG0001001",
                    "{\"id\": \"" + changeId + "\", \"number\": \"CHG0001001\", \"state\": \"SCHEDULED\"}");
        }
    }

    private static Map<String, Object> subscribe(String path, String eventTypes) {
        return as("admin", Roles.ADMIN).body("{\"url\": \"" + receiver.url(path) + "\", \"eventTypes\": " + eventTypes
                + "}").post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
    }

    private static void delete(String id) {
        as("admin", Roles.ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
}
