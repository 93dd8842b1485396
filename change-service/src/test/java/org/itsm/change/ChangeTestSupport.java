package org.itsm.change;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the demo roles, catalog services published on the real topic, and ready-made changes. */
public final class ChangeTestSupport {

    /** Each test gets its own far-future day, so windows of different tests never meet on the calendar. */
    private static final AtomicLong DAYS = new AtomicLong(
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(400, ChronoUnit.DAYS).getEpochSecond() / 86400
                    + (System.nanoTime() % 1000) * 7);

    private ChangeTestSupport() {
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asRequester(String name) {
        return as(name, Roles.REQUESTER);
    }

    public static RequestSpecification asManager() {
        return as("change-manager", Roles.CHANGE_MANAGER);
    }

    public static RequestSpecification asCab(String name) {
        return as(name, Roles.CAB_MEMBER);
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Midnight UTC of a day no other test uses. */
    public static Instant freshDay() {
        return Instant.ofEpochSecond(DAYS.incrementAndGet() * 86400);
    }

    private static UUID mail;

    /** A live "Mail" service shared by the tests that need any valid service (published once per test run). */
    public static synchronized UUID mailService() {
        if (mail == null) {
            mail = liveService("Mail");
        }
        return mail;
    }

    /** Publishes a live catalog service and waits until the read model has it. */
    public static UUID liveService(String name, UUID... dependsOn) {
        UUID id = UUID.randomUUID();
        String depends = List.of(dependsOn).stream().map(dependency -> "\"" + dependency + "\"")
                .collect(Collectors.joining(","));
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, id.toString(), UUID.randomUUID().toString(), EventTypes.CATALOG_SERVICE_CREATED,
                    EventSource.CATALOG_SERVICE, "SVC0009001", """
                            {"id": "%s", "number": "SVC0009001", "name": "%s", "type": "BUSINESS", "lifecycle": "LIVE",
                             "dependsOn": [%s], "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(id, name, depends));
        }
        awaitService(id);
        return id;
    }

    public static void awaitService(UUID serviceId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> asManager()
                .body(normalChange("probe", serviceId, freshDay(), 60)).post("/api/v1/changes").statusCode() == 201);
    }

    /** A normal change with plans, on one service, starting {@code start} and lasting {@code minutes}. */
    public static String normalChange(String title, UUID serviceId, Instant start, int minutes) {
        return """
                {"type": "NORMAL", "title": "%s", "description": "d", "justification": "j",
                 "affectedServiceIds": ["%s"], "plannedStart": "%s", "plannedEnd": "%s",
                 "implementationPlan": "Deploy", "backoutPlan": "Roll back", "testPlan": "Smoke test",
                 "catalogUpdate": {"version": "2.4"}}
                """.formatted(title, serviceId, start, start.plus(minutes, ChronoUnit.MINUTES));
    }

    public static String create(RequestSpecification as, String body) {
        return as.body(body).post("/api/v1/changes").then().statusCode(201).extract().path("id");
    }

    /** Starting an implementation before its (far-future) window needs a recorded reason. */
    public static final String EARLY = "{\"outsideWindowReason\": \"the test runs ahead of the window\"}";

    /** Low on every answer (LOW risk: one change manager approves). */
    public static final String LOW_RISK = """
            {"impact": "LOW", "complexity": "LOW", "backoutDifficulty": "LOW", "testing": "FULL"}""";

    /** MEDIUM risk: CAB quorum. */
    public static final String MEDIUM_RISK = """
            {"impact": "MEDIUM", "complexity": "MEDIUM", "backoutDifficulty": "MEDIUM", "testing": "FULL"}""";

    /** Created by a requester, submitted and assessed MEDIUM: awaiting the CAB. */
    public static String awaitingCab(String requester, UUID serviceId, Instant start) {
        String id = create(asRequester(requester), normalChange("CAB change", serviceId, start, 60));
        asRequester(requester).post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(MEDIUM_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200);
        return id;
    }

    public static void vote(String id, String voter, String decision, int status) {
        asCab(voter).body("{\"decision\": \"" + decision + "\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(status);
    }
}
