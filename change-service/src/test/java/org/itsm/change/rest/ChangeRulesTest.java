package org.itsm.change.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.itsm.change.ChangeTestSupport.EARLY;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.as;
import static org.itsm.change.ChangeTestSupport.asCab;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.asRequester;
import static org.itsm.change.ChangeTestSupport.awaitingCab;
import static org.itsm.change.ChangeTestSupport.bootstrap;
import static org.itsm.change.ChangeTestSupport.create;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.mailService;
import static org.itsm.change.ChangeTestSupport.normalChange;
import static org.itsm.change.ChangeTestSupport.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The rules that cannot be broken (issue 15): catalog update, segregation of duties, windows, access, history. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class ChangeRulesTest {

    /** Created by {@code requester}, assessed LOW, approved by the change manager: in Authorize, approved. */
    private static String approved(String requester, UUID service, Instant start, int minutes) {
        String id = create(asRequester(requester), normalChange("Approved " + requester, service, start, minutes));
        asRequester(requester).post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200);
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(201);
        return id;
    }

    private static List<String> historyFields(String id) {
        return asManager().get("/api/v1/changes/{id}/history", id).then().statusCode(200).extract().path("field");
    }

    @Test
    void aCatalogUpdateTheCatalogWouldRefuseIsRefusedWhenTheChangeIsRaised() {
        UUID service = mailService();
        Instant start = freshDay();
        String bad = normalChange("Banana", service, start, 30).replace("{\"version\": \"2.4\"}", """
                {"lifecycle": "BANANA", "slaTargets": [{"priority": "P9", "responseMinutes": -1, "resolutionMinutes": 60}]}""");
        asRequester("banana").body(bad).post("/api/v1/changes").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("catalogUpdate.lifecycle", "catalogUpdate.slaTargets[0].priority",
                        "catalogUpdate.slaTargets[0].responseMinutes"));
        // an added offering names one of the affected services; retired and SLA offerings belong to them
        UUID other = liveService("Elsewhere");
        String foreign = normalChange("Foreign", service, start, 30).replace("{\"version\": \"2.4\"}", """
                {"offeringsAdded": [{"serviceId": "%s", "name": "Gold"}], "offeringsRetired": ["%s"]}"""
                .formatted(other, UUID.randomUUID()));
        asRequester("banana").body(foreign).post("/api/v1/changes").then().statusCode(422)
                .body("errors.field", hasItems("catalogUpdate.offeringsAdded[0].serviceId",
                        "catalogUpdate.offeringsRetired[0]"));
        // and on update
        String id = create(asRequester("banana"), normalChange("Fine so far", service, start, 30));
        asRequester("banana").body("{\"catalogUpdate\": {\"lifecycle\": \"BANANA\"}}").patch("/api/v1/changes/{id}", id)
                .then().statusCode(422).body("errors.field", hasItem("catalogUpdate.lifecycle"));
        asRequester("banana").body("{\"catalogUpdate\": {\"lifecycle\": \"live\", \"offeringsAdded\": [{\"serviceId\":"
                + " \"" + service + "\", \"name\": \"Gold\"}]}}").patch("/api/v1/changes/{id}", id).then()
                .statusCode(200).body("catalogUpdate.offeringsAdded[0].name", equalTo("Gold"));
    }

    @Test
    void nobodyImplementsAChangeTheyApprovedOrRequested() {
        String id = awaitingCab("sod-requester", mailService(), freshDay());
        vote(id, "cab1", "APPROVE", 201);
        vote(id, "cab2", "APPROVE", 201);
        asManager().body("{\"implementer\": \"cab2\"}").patch("/api/v1/changes/{id}", id).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("approved"));
        asManager().body("{\"implementer\": \"sod-requester\"}").patch("/api/v1/changes/{id}", id).then()
                .statusCode(403).body("detail", containsString("requested"));
        asManager().body("{\"implementer\": \"implementer\"}").patch("/api/v1/changes/{id}", id).then().statusCode(200)
                .body("implementer", equalTo("implementer"));
        // assigned at creation: the requester (a change manager here) cannot implement their own change
        asManager().body(normalChange("Own", mailService(), freshDay(), 30).replace("\"title\"",
                "\"implementer\": \"change-manager\", \"title\"")).post("/api/v1/changes").then().statusCode(403);
    }

    @Test
    void windowsInThePastAreRefusedAndImplementationStartsInsideTheWindowOrWithAReason() {
        UUID service = mailService();
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        asRequester("late").body(normalChange("Too late", service, yesterday, 60)).post("/api/v1/changes").then()
                .statusCode(422).body("errors.field", hasItem("plannedStart"));
        String id = approved("early", service, freshDay(), 60);
        asRequester("early").body("{\"plannedStart\": \"%s\", \"plannedEnd\": \"%s\"}".formatted(yesterday,
                yesterday.plusSeconds(60))).patch("/api/v1/changes/{id}", id).then().statusCode(403);
        asManager().body("{\"plannedStart\": \"%s\", \"plannedEnd\": \"%s\"}".formatted(yesterday,
                yesterday.plusSeconds(3600))).patch("/api/v1/changes/{id}", id).then().statusCode(422)
                .body("errors.field", hasItem("plannedStart"));
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        asManager().post("/api/v1/changes/{id}/implement", id).then().statusCode(409)
                .body("detail", containsString("outside the planned window"));
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200)
                .body("state", equalTo("IMPLEMENT"));
        asManager().get("/api/v1/changes/{id}/history", id).then()
                .body("find { it.field == 'outsideWindowReason' }.to", equalTo("the test runs ahead of the window"));
    }

    @Test
    void movingTheWindowAfterAuthorizeSendsTheChangeBackThroughApproval() {
        UUID service = mailService();
        String id = approved("replanner", service, freshDay(), 60);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        // other plan fields stay fixed
        asManager().body("{\"title\": \"Renamed\"}").patch("/api/v1/changes/{id}", id).then().statusCode(409);
        Instant later = freshDay();
        asManager().body("{\"plannedStart\": \"%s\", \"plannedEnd\": \"%s\"}".formatted(later, later.plusSeconds(3600)))
                .patch("/api/v1/changes/{id}", id).then().statusCode(200)
                .body("state", equalTo("AUTHORIZE"))
                .body("approval.status", equalTo("PENDING"))
                .body("approval.round", equalTo(2))
                .body("plannedStart", equalTo(later.toString()));
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(409);
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(201);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200).body("state", equalTo("SCHEDULED"));
        assertTrue(historyFields(id).containsAll(List.of("plannedStart", "approvalRound")));
    }

    @Test
    void theRequesterCancelsOnlyUntilTheAuthorisationCompletes() {
        String pending = awaitingCab("canceller", mailService(), freshDay());
        String done = approved("canceller", mailService(), freshDay(), 30);
        asRequester("canceller").body("{\"reason\": \"too late\"}").post("/api/v1/changes/{id}/cancel", done).then()
                .statusCode(403).contentType("application/problem+json");
        asRequester("canceller").get("/api/v1/changes/{id}/next-states", done).then().statusCode(200)
                .body("moves", empty()).body("allowedActions", empty());
        asManager().get("/api/v1/changes/{id}/next-states", done).then()
                .body("moves.action", contains("schedule", "cancel"))
                .body("moves[0].requires", hasItem("no hard conflicts"))
                .body("allowedActions", hasItems("schedule", "cancel", "edit"));
        asCab("cab1").get("/api/v1/changes/{id}/next-states", pending).then()
                .body("moves", empty()).body("allowedActions", contains("vote"));
        asRequester("canceller").body("{\"reason\": \"not needed\"}").post("/api/v1/changes/{id}/cancel", pending)
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
        asManager().body("{\"reason\": \"superseded\"}").post("/api/v1/changes/{id}/cancel", done).then()
                .statusCode(200);
        asManager().get("/api/v1/changes/{id}/history", done).then()
                .body("find { it.field == 'cancelReason' }.to", equalTo("superseded"));
    }

    @Test
    void theAssignedImplementerIsOfferedTheImplementationAndOthersAreNot() {
        String id = approved("offered", mailService(), freshDay(), 30);
        asManager().body("{\"implementer\": \"implementer\"}").patch("/api/v1/changes/{id}", id).then().statusCode(200);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        as("implementer", Roles.AGENT).get("/api/v1/changes/{id}/next-states", id).then()
                .body("moves.action", contains("implement"))
                .body("moves[0].requires", hasItem(containsString("outsideWindowReason")));
        as("agent", Roles.AGENT).get("/api/v1/changes/{id}/next-states", id).then().body("moves", empty());
    }

    @Test
    void anEmergencyChangeNeedsItsReviewFromTheStart() {
        String id = create(asRequester("urgent"), normalChange("Urgent", mailService(), freshDay(), 30)
                .replace("\"NORMAL\"", "\"EMERGENCY\""));
        asRequester("urgent").get("/api/v1/changes/{id}", id).then().body("reviewRequired", equalTo(true));
        String normal = create(asRequester("urgent"), normalChange("Calm", mailService(), freshDay(), 30));
        asRequester("urgent").get("/api/v1/changes/{id}", normal).then().body("reviewRequired", equalTo(false));
    }

    @Test
    void votesCommentsOutcomeAndReviewNotesAreInTheHistory() {
        String id = approved("historian", mailService(), freshDay(), 30);
        String second = awaitingCab("historian", liveService("History"), freshDay());
        asCab("cab1").body("{\"decision\": \"APPROVE\", \"comment\": \"backout plan is sound\"}")
                .post("/api/v1/changes/{id}/approvals", second).then().statusCode(201);
        asManager().get("/api/v1/changes/{id}/history", second).then()
                .body("find { it.field == 'vote' }.to", containsString("backout plan is sound"));
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
        asManager().body("{\"outcome\": \"FAILED\", \"notes\": \"disk full\"}").post("/api/v1/changes/{id}/review", id)
                .then().statusCode(200);
        asManager().body("{\"reviewNotes\": \"add disk alerts\"}").post("/api/v1/changes/{id}/close", id).then()
                .statusCode(200);
        assertTrue(historyFields(id).containsAll(List.of("vote", "outcome", "outcomeNotes", "reviewNotes")),
                historyFields(id).toString());
    }

    @Test
    void weeklyBlackoutsBlockAndTheFirstWindowPrefersTheMaintenanceWindow() {
        UUID service = liveService("Weekly shop");
        Instant day = freshDay();
        String weekday = day.atZone(ZoneOffset.UTC).getDayOfWeek().name();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, service.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0009001", """
                            {"id": "%s", "serviceId": "%s", "name": "Shop", "status": "ACTIVE",
                             "blackoutWindows": [{"description": "trading hours",
                               "weekly": {"day": "%s", "from": "08:00", "to": "18:00", "timeZone": "UTC"}}],
                             "maintenanceWindows": [{"description": "patch night",
                               "weekly": {"day": "%s", "from": "20:00", "to": "23:00", "timeZone": "UTC"}}],
                             "occurredAt": "2026-11-26T10:00:00Z"}""".formatted(UUID.randomUUID(), service, weekday,
                            weekday));
        }
        String id = create(asRequester("weekly"), normalChange("At noon", service, day.plus(Duration.ofHours(12)), 60));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asManager()
                .get("/api/v1/changes/{id}/conflicts", id).then().statusCode(200)
                .body("conflicts.kind", hasItems("BLACKOUT", "OUTSIDE_MAINTENANCE_WINDOW"))
                .body("blocking", equalTo(true)));
        // the blackout ends at 18:00, but the maintenance window opens at 20:00
        asManager().get("/api/v1/changes/{id}/first-available-window", id).then()
                .body("start", equalTo(day.plus(Duration.ofHours(20)).toString()));
        // a week later, the same: the windows recur
        asManager().get("/api/v1/changes/schedule?from={from}&to={to}", day.plus(Duration.ofDays(7)).toString(),
                day.plus(Duration.ofDays(8)).toString()).then().statusCode(200)
                .body("blackouts.start", hasItem(day.plus(Duration.ofDays(7)).plus(Duration.ofHours(8)).toString()));
    }

    @Test
    void anImplementerBookedTwiceInOverlappingWindowsIsAConflict() {
        Instant start = freshDay();
        String first = approved("booker", liveService("Booked A"), start, 120);
        asManager().body("{\"implementer\": \"busy\"}").patch("/api/v1/changes/{id}", first).then().statusCode(200);
        asManager().post("/api/v1/changes/{id}/schedule", first).then().statusCode(200);
        String second = create(asRequester("booker"), normalChange("Booked B", liveService("Booked B"),
                start.plus(Duration.ofHours(1)), 60));
        asManager().body("{\"implementer\": \"busy\"}").patch("/api/v1/changes/{id}", second).then().statusCode(200);
        asManager().get("/api/v1/changes/{id}/conflicts", second).then().statusCode(200)
                .body("conflicts.kind", hasItem("IMPLEMENTER")).body("blocking", equalTo(true));
        asManager().get("/api/v1/changes/{id}/first-available-window", second).then()
                .body("start", equalTo(start.plus(Duration.ofHours(2)).toString()));
    }

    @Test
    void concurrentSchedulesOfConflictingChangesAreSerialised() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID service = liveService("Contended " + round);
                Instant start = freshDay();
                String a = approved("racer", service, start, 60);
                String b = approved("racer", service, start.plus(Duration.ofMinutes(30)), 60);
                List<Callable<Integer>> schedules = new ArrayList<>();
                for (String id : List.of(a, b)) {
                    schedules.add(() -> asManager().post("/api/v1/changes/{id}/schedule", id).statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : pool.invokeAll(schedules)) {
                    statuses.add(result.get());
                }
                assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
                assertEquals(1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownFieldOnCreateIs400NamingIt() {
        String body = normalChange("Unknown", mailService(), freshDay(), 30).replace("\"title\"",
                "\"priorityy\": \"P1\", \"title\"");
        String problem = asRequester("typo").body(body).post("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json").extract().asString();
        assertTrue(problem.contains("priorityy"), problem);
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaUnderAUniqueOperationId() {
        JsonPath document = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> details) || details.get("responses") == null) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                Object operationId = details.get("operationId");
                if (operationId == null || !ids.add(operationId.toString())) {
                    problems.add(where + ": operationId " + operationId + " missing or duplicate");
                }
                Map<?, ?> responses = (Map<?, ?>) details.get("responses");
                boolean documented = responses.entrySet().stream()
                        .filter(response -> response.getKey().toString().startsWith("2"))
                        .anyMatch(response -> response.getValue() instanceof Map<?, ?> answer
                                && answer.get("content") instanceof Map<?, ?> content
                                && content.values().stream().anyMatch(media -> media instanceof Map<?, ?> type
                                        && type.get("schema") != null));
                if (!documented) {
                    problems.add(where + ": no success schema");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(paths.keySet().stream().anyMatch(path -> path.startsWith("/api/v1/changes")), paths.keySet().toString());
        assertTrue(ids.size() > 20, ids.toString());
        assertTrue(paths.keySet().stream().noneMatch(path -> path.contains("//")), paths.keySet().toString());
    }
}
