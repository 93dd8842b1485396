package org.itsm.incident.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asRequester;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.itsm.incident.ShiftableClock;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The list filters the agents' queues need (issue 17): unassigned, open, SLA at risk, sorted by resolution due. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentQueueFiltersTest {

    private static final String LIST = "/api/v1/incidents?q={q}&size=100";
    private static final String RESOLVE = "{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"done\"}";

    @AfterEach
    void resetClock() {
        ShiftableClock.reset();
    }

    @Test
    void assigneeNoneFindsTheUnassignedAndOpenTheNotResolvedOrClosed() {
        String marker = "queue-unassigned-" + UUID.randomUUID();
        String assigned = create(marker + " assigned", 2, 2);
        String unassignedOpen = create(marker + " unassigned open", 2, 2);
        String unassignedResolved = create(marker + " unassigned resolved", 2, 2);
        String cancelled = create(marker + " cancelled", 2, 2);
        asAgent().body("{\"assignee\": \"zed\"}").post("/api/v1/incidents/{id}/assign", assigned).then()
                .statusCode(200);
        asAgent().post("/api/v1/incidents/{id}/start", unassignedOpen).then().statusCode(200);
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", unassignedResolved).then().statusCode(200);
        asAgent().body("{\"reason\": \"duplicate\"}").post("/api/v1/incidents/{id}/cancel", cancelled).then()
                .statusCode(200);

        asAgent().get(LIST + "&assignee=none", marker).then().statusCode(200)
                .body("items.id", containsInAnyOrder(unassignedOpen, unassignedResolved, cancelled));
        asAgent().get(LIST + "&assignee=none&open=true", marker).then().statusCode(200)
                .body("items.id", contains(unassignedOpen)).body("total", equalTo(1));
        asAgent().get(LIST + "&open=true", marker).then().statusCode(200)
                .body("items.id", containsInAnyOrder(assigned, unassignedOpen));
        asAgent().get(LIST + "&open=false", marker).then().statusCode(200)
                .body("items.id", containsInAnyOrder(unassignedResolved, cancelled));
        asAgent().get(LIST + "&assignee=zed", marker).then().statusCode(200).body("items.id", contains(assigned));
    }

    @Test
    void slaAtRiskFindsMarkedClocksThatStillRun() {
        String marker = "queue-at-risk-" + UUID.randomUUID();
        String atRisk = create(marker + " at risk", 1, 1); // P1: response 15 min, resolution 240 min
        String onTrack = create(marker + " on track", 3, 3); // P5: resolution 10080 min
        String breachedButResolved = create(marker + " resolved late", 1, 1);
        ShiftableClock.shift(Duration.ofHours(3)); // P1 resolution at 75 %: at risk; response breached
        asAgent().post("/api/v1/incidents/{id}/start", atRisk).then().statusCode(200); // response clock stops
        asAgent().post("/api/v1/incidents/{id}/start", onTrack).then().statusCode(200);
        ShiftableClock.shift(Duration.ofHours(5));
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", breachedButResolved).then().statusCode(200);

        asAgent().get(LIST + "&slaAtRisk=true", marker).then().statusCode(200)
                .body("items.id", contains(atRisk)).body("total", equalTo(1));
        asAgent().get(LIST + "&slaAtRisk=false", marker).then().statusCode(200)
                .body("items.id", containsInAnyOrder(onTrack, breachedButResolved));
        // the breached response clock stopped with the start: only the running resolution clock's mark counts
        asAgent().get(LIST + "&slaAtRisk=true&breached=true", marker).then().statusCode(200)
                .body("items.id", contains(atRisk));
    }

    @Test
    void sortBySlaDuePutsTheEarliestResolutionDueFirstAndStoppedOrPausedClocksLast() {
        String marker = "queue-sla-due-" + UUID.randomUUID();
        String p3 = create(marker + " P3", 2, 2); // 1440 min
        String p1 = create(marker + " P1", 1, 1); // 240 min
        String p2 = create(marker + " P2", 1, 2); // 480 min
        String resolved = create(marker + " resolved P1", 1, 1);
        String paused = create(marker + " paused P1", 1, 1);
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", resolved).then().statusCode(200);
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which room?\"}")
                .post("/api/v1/incidents/{id}/hold", paused).then().statusCode(200);

        List<String> sorted = asAgent().get(LIST + "&sort=slaDue", marker).then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class);
        assertEquals(List.of(p1, p2, p3), sorted.subList(0, 3), sorted.toString());
        assertTrue(sorted.subList(3, 5).containsAll(List.of(resolved, paused)), sorted.toString());
        // resumed, the paused one is due again and sorts by its due time
        asAgent().post("/api/v1/incidents/{id}/resume", paused).then().statusCode(200);
        asAgent().get(LIST + "&sort=slaDue&open=true", marker).then().statusCode(200)
                .body("items.id", contains(p1, paused, p2, p3));
        asAgent().get(LIST + "&sort=-slaDue&open=true", marker).then().statusCode(200)
                .body("items.id", contains(p3, p2, paused, p1));
    }

    @Test
    void aRequestersQueueFiltersStayWithinTheirOwnIncidents() {
        String marker = "queue-own-" + UUID.randomUUID();
        String own = asRequester("fay").body(newIncidentJson(marker + " mine", 2, 2)).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        create(marker + " someone else's", 2, 2);
        asRequester("fay").get(LIST + "&assignee=none&open=true&sort=slaDue", marker).then().statusCode(200)
                .body("items.id", contains(own));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        asAgent().get("/api/v1/incidents?open=yes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("open"));
        asAgent().get("/api/v1/incidents?slaAtRisk=1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("slaAtRisk"))
                .body("errors[0].message", containsString("true or false"));
        asAgent().get("/api/v1/incidents?sort=slaDueAt").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", containsString("slaDue"));
        asAgent().get("/api/v1/incidents?sort=slaDue,-nothing").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theFiltersAreDocumented() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/incidents'.get.parameters.name", hasItems("assignee", "open", "slaAtRisk",
                        "sort"))
                .body("paths.'/api/v1/incidents'.get.parameters.find { it.name == 'assignee' }.description",
                        containsString("none"))
                .body("paths.'/api/v1/incidents'.get.parameters.find { it.name == 'sort' }.description",
                        containsString("slaDue"));
    }

    private static String create(String shortDescription, int impact, int urgency) {
        return asAgent().body(newIncidentJson(shortDescription, impact, urgency)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
    }
}
