package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The live stream against a real Kafka broker, fed the way the services' outbox relays feed it. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class EventStreamTest {

    private static Vertx vertx;

    @TestHTTPResource
    URL gateway;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startClients() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClients() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void showsEachSubscriberTheEventsItsRolesAllow() throws Exception {
        String record = UUID.randomUUID().toString();
        try (SseClient admin = open("root", "itsm-admin");
                SseClient agent = open("agnes", "itsm-agent");
                SseClient changeManager = open("carl", "itsm-change-manager");
                SseClient anna = open("anna", "itsm-requester");
                SseClient bob = open("bob", "itsm-requester");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            String incident = send(sender, Topics.INCIDENT, record, EventTypes.INCIDENT_CREATED, "INC0009001",
                    new JsonObject().put("number", "INC0009001").put("caller", "anna"));
            String change = send(sender, Topics.CHANGE, record, EventTypes.CHANGE_APPROVED, "CHG0009001",
                    new JsonObject().put("number", "CHG0009001").put("requester", "anna"));
            String request = send(sender, Topics.CATALOG, record, EventTypes.CATALOG_REQUEST_SUBMITTED, "REQ0009001",
                    new JsonObject().put("number", "REQ0009001").put("requester", "bob"));

            for (String event : List.of(incident, change, request)) {
                admin.awaitEvent(event);
            }
            SseClient.Frame delivered = agent.awaitEvent(incident);
            JsonObject cloudEvent = delivered.json();
            assertEquals(EventTypes.INCIDENT_CREATED, cloudEvent.getString("type"));
            assertEquals("/incident-service", cloudEvent.getString("source"));
            assertEquals("INC0009001", cloudEvent.getString("subject"));
            assertEquals("anna", cloudEvent.getJsonObject("data").getString("caller"));
            agent.awaitEvent(request);
            changeManager.awaitEvent(change);
            anna.awaitEvent(incident);
            anna.awaitEvent(change);
            bob.awaitEvent(request);

            // Delivery to all subscribers happens together; give the hidden ones time to show up if they leaked.
            Thread.sleep(500);
            assertFalse(agent.received(change), "agents do not see changes");
            assertFalse(changeManager.received(incident), "change managers do not see incidents");
            assertFalse(changeManager.received(request), "change managers do not see requests");
            assertFalse(anna.received(request), "anna sees only her own records");
            assertFalse(bob.received(incident), "bob sees only his own records");
            assertFalse(bob.received(change), "bob sees only his own records");
        }
    }

    @Test
    void resumesFromTheLastEventIdWithoutLosingOrRepeatingEvents() throws Exception {
        String record = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers);
                SseClient admin = open("root", "itsm-admin")) {
            String first;
            String lastEventId;
            try (SseClient agent = open("agatha", "itsm-agent")) {
                first = send(sender, Topics.INCIDENT, record, EventTypes.INCIDENT_CREATED, "INC0009002",
                        new JsonObject().put("number", "INC0009002"));
                agent.awaitEvent(first);
                lastEventId = agent.lastEventId();
            }
            String second = send(sender, Topics.INCIDENT, record, EventTypes.INCIDENT_ASSIGNED, "INC0009002",
                    new JsonObject().put("number", "INC0009002"));
            String third = send(sender, Topics.INCIDENT, record, EventTypes.INCIDENT_RESOLVED, "INC0009002",
                    new JsonObject().put("number", "INC0009002"));
            // Once the gateway has read both, they can only come from its buffer.
            admin.awaitEvent(third);

            try (SseClient resumed = openFrom("agatha", lastEventId, "itsm-agent")) {
                resumed.awaitEvent(second);
                resumed.awaitEvent(third);
                List<String> ids = resumed.events().stream().map(frame -> frame.json().getString("id"))
                        .filter(id -> id.equals(first) || id.equals(second) || id.equals(third)).toList();
                assertEquals(List.of(second, third), ids);
                assertTrue(resumed.events().stream().noneMatch(frame -> "stream-reset".equals(frame.event())));
            }
        }
    }

    @Test
    void tellsAClientWhoseLastEventIdItCannotReadToStartOver() throws Exception {
        try (SseClient client = openFrom("agatha", "not-a-position", "itsm-agent")) {
            SseClient.Frame reset = client.await(frame -> "stream-reset".equals(frame.event()), Duration.ofSeconds(5));
            assertTrue(reset.json().containsKey("reason"));
        }
    }

    @Test
    void sendsAHeartbeatWhileNothingHappens() throws Exception {
        // The test profile beats every second.
        try (SseClient client = open("quiet", "itsm-catalog-manager")) {
            assertEquals(200, client.status());
            assertEquals("text/event-stream", client.header("Content-Type"));
            assertEquals("no-store", client.header("Cache-Control"));
            client.await(frame -> "heartbeat".equals(frame.comment()), Duration.ofSeconds(5));
        }
    }

    @Test
    void requiresAToken() {
        given().when().get("/api/v1/stream")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", is(401));
    }

    @Test
    void refusesACallerWithoutAPlatformRole() {
        given().header("Authorization", TestTokens.bearer("robot", "offline_access"))
                .when().get("/api/v1/stream")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/forbidden"))
                .body("status", is(403));
    }

    private SseClient open(String user, String... roles) {
        return SseClient.open(vertx, gateway, TestTokens.bearer(user, roles), null);
    }

    private SseClient openFrom(String user, String lastEventId, String... roles) {
        return SseClient.open(vertx, gateway, TestTokens.bearer(user, roles), lastEventId);
    }

    /** Sends a CloudEvent keyed by the record (so the record's events keep their order) and returns its id. */
    private static String send(CloudEventSender sender, String topic, String record, String type, String subject,
            JsonObject data) {
        String id = UUID.randomUUID().toString();
        String source = "/" + topic.split("\\.")[1] + "-service";
        sender.send(topic, record, id, type, source, subject, data.encode());
        return id;
    }
}
