package org.itsm.change.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.MEDIUM_RISK;
import static org.itsm.change.ChangeTestSupport.as;
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
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** API conventions: visibility, lists, bad input, concurrency, idempotency; calendar, conflicts and summary. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class ChangeResourceTest {

    private UUID mail;

    /** Not in @BeforeAll, where the HTTP port of the test application is not yet known. */
    @BeforeEach
    void catalog() {
        mail = mailService();
    }

    @Test
    void aRequesterSeesOnlyTheirOwnChanges() {
        String id = create(asRequester("owner"), normalChange("Mine", mail, freshDay(), 30));
        asRequester("someone-else").get("/api/v1/changes/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        asRequester("someone-else").get("/api/v1/changes?size=100").then().statusCode(200)
                .body("items.requester", everyItem(equalTo("someone-else")));
        asRequester("owner").get("/api/v1/changes?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        as("cab1", Roles.CAB_MEMBER).get("/api/v1/changes/{id}", id).then().statusCode(200);
    }

    @Test
    void listsFilterSortAndPage() {
        UUID service = liveService("Listing");
        create(asRequester("lister"), normalChange("Alpha listing", service, freshDay(), 30));
        create(asRequester("lister"), normalChange("Beta listing", service, freshDay(), 30));
        asManager().get("/api/v1/changes?serviceId={s}&sort=number&size=1", service).then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2)).body("items.size()", equalTo(1)).body("size", equalTo(1));
        asManager().get("/api/v1/changes?q=beta listing&state=NEW&type=NORMAL").then().statusCode(200)
                .body("items.title", hasItem("Beta listing")).body("items.title", not(hasItem("Alpha listing")));
    }

    @Test
    void badInputIsAProblemNeverA500() {
        asRequester("bad").body("{not json").post("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json");
        asRequester("bad").body("{\"type\": \"WHENEVER\", \"title\": \"x\"}").post("/api/v1/changes").then()
                .statusCode(400).contentType("application/problem+json");
        asRequester("bad").body("{\"description\": \"no type, no title\"}").post("/api/v1/changes").then()
                .statusCode(400).body("errors.field", hasItem("type")).body("errors.field", hasItem("title"));
        asRequester("bad").body("{\"type\": \"NORMAL\", \"title\": \"" + "x".repeat(161) + "\"}")
                .post("/api/v1/changes").then().statusCode(400).body("errors.field", hasItem("title"));
        asRequester("bad").body("{\"type\": \"NORMAL\", \"title\": \"t\", \"affectedServiceIds\": [\"%s\"]}"
                .formatted(UUID.randomUUID())).post("/api/v1/changes").then().statusCode(400)
                .body("errors.field", hasItem("affectedServiceIds"));
        Instant start = freshDay();
        asRequester("bad").body("{\"type\": \"NORMAL\", \"title\": \"t\", \"plannedStart\": \"%s\", \"plannedEnd\": \"%s\"}"
                .formatted(start, start.minusSeconds(60))).post("/api/v1/changes").then().statusCode(400)
                .body("errors.field", hasItem("plannedEnd"));
        asManager().get("/api/v1/changes?page=-1").then().statusCode(400);
        asManager().get("/api/v1/changes?size=0").then().statusCode(400);
        asManager().get("/api/v1/changes?sort=password").then().statusCode(400);
        asManager().get("/api/v1/changes?state=SOMEWHERE").then().statusCode(400);
        asManager().get("/api/v1/changes/schedule?from=yesterday&to=2026-12-01T00:00:00Z").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asManager().get("/api/v1/changes/schedule?from=2026-12-01T00:00:00Z&to=2029-12-01T00:00:00Z").then()
                .statusCode(400);
        asManager().get("/api/v1/changes/not-a-uuid").then().statusCode(404);
        asManager().body("{\"decision\": \"MAYBE\"}").post("/api/v1/changes/{id}/approvals", UUID.randomUUID())
                .then().statusCode(400);
    }

    @Test
    void theSameETagTwiceGivesOne412() throws Exception {
        String id = create(asRequester("racer"), normalChange("Race", mail, freshDay(), 30));
        String etag = asRequester("racer").get("/api/v1/changes/{id}", id).then().extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String title = "Race " + i;
                edits.add(() -> asRequester("racer").header("If-Match", etag).body("{\"title\": \"" + title + "\"}")
                        .patch("/api/v1/changes/{id}", id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(edits)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(status -> status == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        asRequester("racer").header("If-Match", etag).body("{\"title\": \"late\"}").patch("/api/v1/changes/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void idempotencyKeyReplaysTheFirstCreate() {
        String key = UUID.randomUUID().toString();
        String body = normalChange("Once", mail, freshDay(), 30);
        String first = asRequester("retry").header("Idempotency-Key", key).body(body).post("/api/v1/changes").then()
                .statusCode(201).extract().path("id");
        String second = asRequester("retry").header("Idempotency-Key", key).body(body).post("/api/v1/changes").then()
                .statusCode(200).extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void concurrentVotesNeverGiveA500AndCountOnce() throws Exception {
        String id = awaitingCab("voter-race", mail, freshDay());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                votes.add(() -> as("cab1", Roles.CAB_MEMBER).body("{\"decision\": \"APPROVE\"}")
                        .post("/api/v1/changes/{id}/approvals", id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(votes)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        asManager().get("/api/v1/changes/{id}/approvals", id).then().body("votes.size()", equalTo(1));
    }

    @Test
    void overlappingChangeOnTheSameServiceIsAHardConflictUntilOverridden() {
        UUID service = liveService("Payments");
        Instant day = freshDay();
        String first = awaitingCab("plan-a", service, day.plusSeconds(10 * 3600));
        vote(first, "cab1", "APPROVE", 201);
        vote(first, "cab2", "APPROVE", 201);
        asManager().post("/api/v1/changes/{id}/schedule", first).then().statusCode(200);

        // 10:30-11:30 overlaps 10:00-11:00; the change ending exactly at 10:00 of another one would not
        String second = create(asRequester("plan-b"), normalChange("Second", service, day.plusSeconds(10 * 3600 + 1800), 60));
        asManager().get("/api/v1/changes/{id}/conflicts", second).then().statusCode(200)
                .body("blocking", equalTo(true))
                .body("conflicts.kind", hasItem("CHANGE_OVERLAP"))
                .body("conflicts[0].hard", equalTo(true));
        asManager().get("/api/v1/changes/{id}/first-available-window", second).then().statusCode(200)
                .body("start", equalTo(day.plusSeconds(11 * 3600).toString()))
                .body("end", equalTo(day.plusSeconds(12 * 3600).toString()));
        asRequester("plan-b").post("/api/v1/changes/{id}/submit", second).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", second).then().statusCode(409)
                .body("detail", containsString("Hard schedule conflicts"));
        asManager().body("{\"reason\": \"Both touch different shards\"}")
                .post("/api/v1/changes/{id}/conflict-override", second).then().statusCode(200)
                .body("conflictOverride.by", equalTo("change-manager"));
        asManager().get("/api/v1/changes/{id}/conflicts", second).then().body("blocking", equalTo(false));
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", second).then().statusCode(200)
                .body("state", equalTo("AUTHORIZE"));

        String touching = create(asRequester("plan-c"), normalChange("Touching", service, day.plusSeconds(9 * 3600), 60));
        asManager().get("/api/v1/changes/{id}/conflicts", touching).then().body("conflicts.size()", equalTo(0));
    }

    @Test
    void blackoutWindowsFromTheCatalogBlockAndShowOnTheCalendar() {
        UUID service = liveService("Payroll");
        Instant day = freshDay();
        Instant blackoutStart = day.plusSeconds(8 * 3600);
        Instant blackoutEnd = day.plusSeconds(18 * 3600);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, service.toString(), UUID.randomUUID().toString(),
                    EventTypes.CATALOG_OFFERING_CREATED, EventSource.CATALOG_SERVICE, "SVC0009001", """
                            {"id": "%s", "serviceId": "%s", "name": "Payroll run", "status": "ACTIVE",
                             "blackoutWindows": [{"start": "%s", "end": "%s", "description": "payroll run"}],
                             "occurredAt": "2026-11-26T10:00:00Z"}"""
                            .formatted(UUID.randomUUID(), service, blackoutStart, blackoutEnd));
        }
        String id = create(asRequester("payroll"), normalChange("During payroll", service, day.plusSeconds(12 * 3600), 60));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asManager()
                .get("/api/v1/changes/{id}/conflicts", id).then().statusCode(200)
                .body("conflicts.kind", hasItem("BLACKOUT")).body("blocking", equalTo(true)));
        asManager().get("/api/v1/changes/{id}/first-available-window", id).then()
                .body("start", equalTo(blackoutEnd.toString()));
        asManager().get("/api/v1/changes/schedule?from={from}&to={to}", day.toString(), day.plusSeconds(86400).toString())
                .then().statusCode(200)
                .body("blackouts.description", hasItem("payroll run"));
    }

    @Test
    void scheduleShowsChangesAwaitingOrCommittedInTheRange() {
        Instant day = freshDay();
        String id = awaitingCab("calendar", mail, day.plusSeconds(3600));
        // the range is given with an offset: 00:00+02:00 is 22:00 UTC the day before
        String from = day.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        asManager().get("/api/v1/changes/schedule?from={from}&to={to}", from, day.plusSeconds(86400).toString())
                .then().statusCode(200)
                .body("changes.id", hasItem(id))
                .body("changes.find { it.id == '%s' }.state".formatted(id), equalTo("AUTHORIZE"));
        asManager().get("/api/v1/changes/schedule?from={from}&to={to}", day.plusSeconds(7200).toString(),
                day.plusSeconds(86400).toString()).then().statusCode(200).body("changes.id", not(hasItem(id)));
    }

    @Test
    void summaryCountsStatesTypesAndRates() {
        String id = create(asRequester("summary"), normalChange("Counted", mail, freshDay(), 30)
                .replace("\"NORMAL\"", "\"EMERGENCY\""));
        var summary = asManager().get("/api/v1/changes/summary").then().statusCode(200).extract().jsonPath();
        assertTrue(summary.getLong("total") >= 1);
        assertTrue(summary.getLong("byType.EMERGENCY") >= 1);
        assertTrue(summary.getDouble("emergencyRatio") > 0);
        assertTrue(summary.getDouble("successRate") >= 0 && summary.getDouble("successRate") <= 1);
        asRequester("summary").body("{\"reason\": \"counted only\"}").post("/api/v1/changes/{id}/cancel", id).then()
                .statusCode(200);
        asManager().get("/q/metrics").then().statusCode(200).body(containsString("itsm_changes_created_total"));
    }

    @Test
    void mediumRiskGoesToTheCab() {
        String id = awaitingCab("medium", mail, freshDay());
        asManager().get("/api/v1/changes/{id}", id).then().body("approval.route", equalTo("CAB"))
                .body("approval.required", containsString("2 CAB member"));
        asManager().body(MEDIUM_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(409);
    }
}
