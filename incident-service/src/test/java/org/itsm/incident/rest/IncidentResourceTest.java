package org.itsm.incident.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asRequester;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentResourceTest {

    @Test
    void createGivesNumberPriorityAndETag() {
        asRequester("alice").body(newIncidentJson("VPN down", 1, 2))
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/v1/incidents/"))
                .body("number", matchesPattern("INC\\d{7}"))
                .body("priority", equalTo("P2"))
                .body("state", equalTo("NEW"))
                .body("caller", equalTo("alice"))
                .body("sla.resolution.targetMinutes", equalTo(480));
    }

    @Test
    void lifecycleFollowsTheStateMachine() {
        String id = create("Printer jammed");
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        asAgent().body("{}").post("/api/v1/incidents/{id}/resolve", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("resolutionCode", "resolutionNotes"));
        asAgent().body("{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"Cleared the tray\"}")
                .post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200).body("state", equalTo("RESOLVED"));
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("allowedMoves", hasItems("reopen", "close"));
        asAgent().get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200)
                .body("moves.action", hasItems("reopen", "close"));
        asAgent().post("/api/v1/incidents/{id}/close", id).then().statusCode(200).body("state", equalTo("CLOSED"));
        asAgent().get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200).body("moves.size()", equalTo(0));
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("field", hasItems("state"))
                .body("to", hasItems("NEW", "IN_PROGRESS", "RESOLVED", "CLOSED"));
    }

    @Test
    void awaitingCallerNeedsACommentAndTheCallersReplyResumes() {
        String id = asRequester("bob").body(newIncidentJson("Cannot log in", 3, 3))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\"}").post("/api/v1/incidents/{id}/hold", id)
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which browser?\"}")
                .post("/api/v1/incidents/{id}/hold", id)
                .then().statusCode(200).body("state", equalTo("ON_HOLD")).body("sla.paused", equalTo(true));
        asRequester("bob").body("{\"body\": \"Firefox\"}").post("/api/v1/incidents/{id}/comments", id)
                .then().statusCode(201);
        asAgent().get("/api/v1/incidents/{id}", id).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).body("sla.paused", equalTo(false));
    }

    @Test
    void requesterSeesOnlyOwnIncidentsAndNoWorkNotes() {
        String id = create("Laptop fan noisy");
        asRequester("mallory").get("/api/v1/incidents/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        asRequester("mallory").get("/api/v1/incidents").then().statusCode(200)
                .body("items.caller.findAll { it != 'mallory' }.size()", equalTo(0));
        asAgent().body("{\"body\": \"checked BIOS\"}").post("/api/v1/incidents/{id}/work-notes", id).then().statusCode(201);
        asRequester("alice").get("/api/v1/incidents/{id}/work-notes", id).then().statusCode(403);
    }

    @Test
    void staleIfMatchIsRefused() {
        var created = asAgent().body(newIncidentJson("Disk full", 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        asAgent().header("If-Match", etag).body("{\"urgency\": 1}").patch("/api/v1/incidents/{id}", id)
                .then().statusCode(200).body("priority", equalTo("P2"));
        asAgent().header("If-Match", etag).body("{\"urgency\": 3}").patch("/api/v1/incidents/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void idempotencyKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String first = asAgent().header("Idempotency-Key", key).body(newIncidentJson("Wifi drops", 2, 3))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String second = asAgent().header("Idempotency-Key", key).body(newIncidentJson("Wifi drops", 2, 3))
                .post("/api/v1/incidents").then().statusCode(200).extract().path("id");
        assertEquals(first, second);
        asAgent().header("Idempotency-Key", key).body(newIncidentJson("Something else", 2, 3))
                .post("/api/v1/incidents").then().statusCode(422);
    }

    @Test
    void correlationKeyAddsRepeatedReportsAndResolvesWhenTheAlertClears() {
        String body = "{\"shortDescription\": \"CPU high on db1\", \"impact\": 2, \"urgency\": 2, \"correlationKey\": \"db1-cpu\"}";
        String first = asAgent().body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().body(body).post("/api/v1/incidents").then().statusCode(200)
                .body("id", equalTo(first)).body("reportCount", equalTo(2));
        asAgent().body("{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"alert cleared\"}")
                .post("/api/v1/incidents/correlation/db1-cpu/resolve").then().statusCode(200)
                .body("id", equalTo(first)).body("state", equalTo("RESOLVED"));
    }

    @Test
    void resolvingAParentResolvesItsOpenChildren() {
        String parent = create("Email outage");
        String child = asAgent().body("{\"shortDescription\": \"No mail for me\", \"impact\": 3, \"urgency\": 3, \"parentId\": \"" + parent + "\"}")
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().body("{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"MTA restarted\"}")
                .post("/api/v1/incidents/{id}/resolve", parent).then().statusCode(200);
        asAgent().get("/api/v1/incidents/{id}", child).then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("resolutionCode", equalTo("SOLVED_PERMANENTLY"));
    }

    @Test
    void badInputIsAClearProblemNeverA500() {
        asAgent().body("{\"shortDescription\": ").post("/api/v1/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("title", notNullValue());
        asAgent().body("{\"shortDescription\": \"x\", \"impact\": \"high\", \"urgency\": 1}").post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("impact"));
        asAgent().body("{\"shortDescription\": \"" + "x".repeat(161) + "\", \"impact\": 1, \"urgency\": 1}")
                .post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("shortDescription"));
        asAgent().body("{\"shortDescription\": \"x\", \"impact\": 4, \"urgency\": 1}").post("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("impact"));
        asAgent().get("/api/v1/incidents?state=SLEEPING").then().statusCode(400).contentType("application/problem+json");
        asAgent().get("/api/v1/incidents?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        asAgent().get("/api/v1/incidents?sort=password").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        asAgent().get("/api/v1/incidents/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        asAgent().get("/api/v1/incidents/{id}", UUID.randomUUID()).then().statusCode(404);
        asAgent().body("{\"shortDescription\": \"x\", \"impact\": 1, \"urgency\": 1, \"serviceId\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void listFiltersPagesAndCounts() {
        create("Filter me A");
        create("Filter me B");
        asAgent().get("/api/v1/incidents?q=filter me&size=1&sort=-createdAt").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        asAgent().get("/api/v1/incidents?size=1000").then().statusCode(200).body("size", equalTo(100));
        asAgent().get("/api/v1/incidents/summary").then().statusCode(200).body("open", notNullValue());
    }

    @Test
    void slaExplainsTargetsCalendarAndPauses() {
        String id = asRequester("carol").body(newIncidentJson("Shared drive missing", 2, 2))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200);
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which drive letter?\"}")
                .post("/api/v1/incidents/{id}/hold", id).then().statusCode(200);
        asAgent().get("/api/v1/incidents/{id}/sla", id).then().statusCode(200)
                .body("resolution.state", equalTo("PAUSED"))
                .body("resolution.intervals.kind", contains("RUNNING", "PAUSED"))
                .body("resolution.intervals[1].to", nullValue());
        asRequester("carol").body("{\"body\": \"It was S:\"}").post("/api/v1/incidents/{id}/comments", id)
                .then().statusCode(201);
        asRequester("carol").get("/api/v1/incidents/{id}/sla", id).then().statusCode(200)
                .body("priority", equalTo("P3"))
                .body("targetSource", equalTo("DEFAULT"))
                .body("calendar.kind", equalTo("ALWAYS"))
                .body("response.stoppedAt", notNullValue())
                .body("response.intervals.kind", contains("RUNNING"))
                .body("resolution.targetMinutes", equalTo(1440))
                .body("resolution.state", equalTo("ON_TRACK"))
                .body("resolution.intervals.kind", contains("RUNNING", "PAUSED", "RUNNING"))
                .body("resolution.intervals[1].to", notNullValue())
                .body("resolution.intervals[2].to", nullValue());
    }

    @Test
    void twoUpdatesWithTheSameETagConcurrentlyGiveOne412() throws Exception {
        var created = asAgent().body(newIncidentJson("Race me", 3, 3)).post("/api/v1/incidents").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> asAgent().header("If-Match", etag).body("{\"shortDescription\": \"Race won by A\"}")
                            .patch("/api/v1/incidents/{id}", id).statusCode(),
                    () -> asAgent().header("If-Match", etag).body("{\"shortDescription\": \"Race won by B\"}")
                            .patch("/api/v1/incidents/{id}", id).statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdown();
        }
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'shortDescription' }.size()", equalTo(1));
    }

    @Test
    void concurrentCreatesGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> creates = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                creates.add(() -> asAgent().body(newIncidentJson("Burst", 3, 3)).post("/api/v1/incidents").then()
                        .statusCode(201).extract().path("number"));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<String> number : pool.invokeAll(creates)) {
                numbers.add(Long.parseLong(number.get().substring(3)));
            }
            assertEquals(16, numbers.stream().distinct().count(), "no number handed out twice");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void metricsCountCreatedAndResolvedPerPriority() {
        double createdBefore = metric("itsm_incidents_created_total{priority=\"P1\"}");
        double resolvedBefore = metric("itsm_incidents_resolved_total{priority=\"P1\"}");
        String id = asAgent().body(newIncidentJson("Core switch down", 1, 1)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        asAgent().body("{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"Replaced PSU\"}")
                .post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        assertEquals(createdBefore + 1, metric("itsm_incidents_created_total{priority=\"P1\"}"));
        assertEquals(resolvedBefore + 1, metric("itsm_incidents_resolved_total{priority=\"P1\"}"));
        String all = io.restassured.RestAssured.get("/q/metrics").asString();
        assertTrue(all.contains("itsm_incidents_open{priority=\"P1\"}"), "backlog gauge per priority");
        assertTrue(all.contains("itsm_incidents_mttr_seconds"), "MTTR gauge");
    }

    /** A sample's value from the Prometheus text; 0 when the series has no sample yet. */
    private static double metric(String series) {
        return io.restassured.RestAssured.get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    private static String create(String shortDescription) {
        return asAgent().body(newIncidentJson(shortDescription, 2, 2)).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }
}
