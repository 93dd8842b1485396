package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Presence against a real Kafka broker, with "another gateway instance" producing on the presence topic. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class PresenceTest {

    private static final String TOPIC = "itsm.presence";

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
    void aHeartbeatShowsToOthersButNotToTheUserAndLeavingRemovesIt() {
        String path = "/api/v1/presence/incident/" + number();
        beat("agent", path, "viewing", "tab-a").statusCode(200).contentType("application/json")
                .body("present", empty());
        beat("implementer", path, "editing", "tab-b").statusCode(200)
                .body("present.user", contains("agent"))
                .body("present[0].displayName", is("agent"))
                .body("present[0].activity", is("viewing"));

        JsonPath seen = given().header("Authorization", TestTokens.bearer("agent", "itsm-agent"))
                .when().get(path).then().statusCode(200)
                .body("recordType", is("incident"))
                .body("present.user", contains("implementer"))
                .body("present[0].activity", is("editing"))
                .extract().jsonPath();
        Instant.parse(seen.getString("present[0].since"));

        given().header("Authorization", TestTokens.bearer("implementer", "itsm-agent"))
                .when().delete(path + "?session=tab-b").then().statusCode(204);
        given().header("Authorization", TestTokens.bearer("agent", "itsm-agent"))
                .when().get(path).then().statusCode(200).body("present", empty());
    }

    @Test
    void aHeartbeatFromAnotherInstanceShowsInGetAndOnTheStream() throws Exception {
        String number = number();
        String path = "/api/v1/presence/incident/" + number;
        try (SseClient agent = open("agent", "itsm-agent");
                SseClient requester = open("anna", "itsm-requester");
                KafkaProducer<String, String> producer = producer()) {
            produce(producer, number, "far", "Far Away", "editing", Instant.now());

            SseClient.Frame frame = agent.await(presenceOf(number, "far"), Duration.ofSeconds(15));
            JsonObject entry = frame.json().getJsonArray("present").getJsonObject(0);
            assertEquals("Far Away", entry.getString("displayName"));
            assertEquals("editing", entry.getString("activity"));
            given().header("Authorization", TestTokens.bearer("agent", "itsm-agent"))
                    .when().get(path).then().statusCode(200)
                    .body("present.user", contains("far"))
                    .body("present[0].activity", is("editing"));

            // The other instance's tab leaves: gone here and on the stream.
            produceLeave(producer, number, "far");
            agent.await(frame2 -> isPresence(frame2, number) && frame2.json().getJsonArray("present").isEmpty(),
                    Duration.ofSeconds(15));
            given().header("Authorization", TestTokens.bearer("agent", "itsm-agent"))
                    .when().get(path).then().statusCode(200).body("present", empty());
            assertFalse(requester.frames().stream().anyMatch(f -> "presence".equals(f.event())),
                    "requesters get no presence events");
        }
    }

    @Test
    void anEntryWithoutHeartbeatExpiresAndTheStreamSaysSo() throws Exception {
        String number = number();
        String path = "/api/v1/presence/incident/" + number;
        try (SseClient agent = open("agent", "itsm-agent"); KafkaProducer<String, String> producer = producer()) {
            // Sent 43 s ago: two seconds to live of the 45 s expiry.
            produce(producer, number, "late", "Late", "viewing", Instant.now().minusSeconds(43));
            agent.await(presenceOf(number, "late"), Duration.ofSeconds(15));
            agent.await(frame -> isPresence(frame, number) && frame.json().getJsonArray("present").isEmpty(),
                    Duration.ofSeconds(15));
            given().header("Authorization", TestTokens.bearer("agent", "itsm-agent"))
                    .when().get(path).then().statusCode(200).body("present", empty());
        }
    }

    @Test
    void ownHeartbeatsReachTheTopicForTheOtherInstances() {
        String number = number();
        beat("kim", "/api/v1/presence/problem/PRB" + number.substring(3), "viewing", "tab-k").statusCode(200);
        String problem = "PRB" + number.substring(3);
        JsonObject message;
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, TOPIC)) {
            message = new JsonObject(reader.await(record -> record.value().contains(problem), 1, Duration.ofSeconds(15))
                    .get(0).value());
        }
        assertEquals("kim", message.getString("user"));
        assertEquals("viewing", message.getString("activity"));
        assertEquals("tab-k", message.getString("session"));
        assertEquals("problem", message.getString("recordType"));
    }

    @Test
    void staffRolesOnlyAndATokenRequired() {
        String path = "/api/v1/presence/request/REQ0000001";
        given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("itsm-requester", "offline_access")) {
            given().header("Authorization", TestTokens.bearer("anna", role)).when().get(path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", is("https://itsm.dev/problems/forbidden"));
            given().header("Authorization", TestTokens.bearer("anna", role)).contentType(ContentType.JSON)
                    .body("{\"activity\":\"viewing\"}").when().put(path).then().statusCode(403);
            given().header("Authorization", TestTokens.bearer("anna", role)).when().delete(path).then().statusCode(403);
        }
        for (String role : List.of("itsm-agent", "itsm-problem-manager", "itsm-change-manager", "itsm-cab-member",
                "itsm-catalog-manager", "itsm-admin")) {
            given().header("Authorization", TestTokens.bearer("staff", role)).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        // a caller of its own: the test profile allows 5 writes a minute per caller
        String bearer = TestTokens.bearer("bea", "itsm-agent");
        given().header("Authorization", bearer).when().get("/api/v1/presence/change/CHG0001001")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/validation"))
                .body("errors.field", contains("recordType"));
        given().header("Authorization", bearer).when().get("/api/v1/presence/incident/INC1")
                .then().statusCode(400).body("errors.field", contains("recordNumber"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"activity\":\"typing\",\"x\":1}")
                .when().put("/api/v1/presence/incident/INC0000001")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("x", "activity"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("[1]")
                .when().put("/api/v1/presence/incident/INC0000001")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/bad-request"));
        given().header("Authorization", bearer).when().delete("/api/v1/presence/incident/INC0000001?session=a%20b")
                .then().statusCode(400).body("errors.field", contains("session"));
        given().header("Authorization", bearer).when().post("/api/v1/presence/incident/INC0000001")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "GET, PUT, DELETE");
    }

    private io.restassured.response.ValidatableResponse beat(String user, String path, String activity, String session) {
        return given().header("Authorization", TestTokens.bearer(user, "itsm-agent")).contentType(ContentType.JSON)
                .body(new JsonObject().put("activity", activity).put("session", session).encode())
                .when().put(path).then();
    }

    private SseClient open(String user, String... roles) {
        return SseClient.open(vertx, gateway, TestTokens.bearer(user, roles), null);
    }

    private static java.util.function.Predicate<SseClient.Frame> presenceOf(String number, String user) {
        return frame -> isPresence(frame, number) && frame.json().getJsonArray("present").stream()
                .anyMatch(entry -> user.equals(((JsonObject) entry).getString("user")));
    }

    private static boolean isPresence(SseClient.Frame frame, String number) {
        return "presence".equals(frame.event()) && number.equals(frame.json().getString("recordNumber"));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    private static void produce(KafkaProducer<String, String> producer, String number, String user, String displayName,
            String activity, Instant at) throws Exception {
        JsonObject message = message(number, user).put("displayName", displayName).put("activity", activity)
                .put("at", at.toString());
        producer.send(new ProducerRecord<>(TOPIC, "incident/" + number + "/" + user + "/tab", message.encode())).get();
    }

    private static void produceLeave(KafkaProducer<String, String> producer, String number, String user)
            throws Exception {
        JsonObject message = message(number, user).put("activity", "left").put("at", Instant.now().toString());
        producer.send(new ProducerRecord<>(TOPIC, "incident/" + number + "/" + user + "/tab", message.encode())).get();
    }

    private static JsonObject message(String number, String user) {
        return new JsonObject().put("instance", "another-gateway").put("recordType", "incident")
                .put("recordNumber", number).put("user", user).put("session", "tab");
    }

    private static String number() {
        return "INC" + (1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }
}
