package org.itsm.problem.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.problem.ProblemTestSupport.asAgent;
import static org.itsm.problem.ProblemTestSupport.asManager;
import static org.itsm.problem.ProblemTestSupport.createProblem;
import static org.itsm.problem.ProblemTestSupport.newProblemJson;
import static org.itsm.problem.ProblemTestSupport.observedIncident;
import static org.itsm.problem.ProblemTestSupport.uniqueNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        initArgs = @ResourceArg(name = "database", value = "problem"))
class ProblemResourceTest {

    private static final String PROBLEMS = "/api/v1/problems";

    @Test
    void createComputesPriorityAndStartsNew() {
        asManager().body("""
                {"statement": "Mail queue stalls", "description": "Every morning", "impact": 1, "urgency": 2,
                 "category": "email", "assignmentGroup": "messaging"}""")
                .post(PROBLEMS).then().statusCode(201)
                .header("Location", containsString(PROBLEMS + "/"))
                .header("ETag", notNullValue())
                .body("number", org.hamcrest.Matchers.matchesPattern("PRB\\d{7}"))
                .body("priority", equalTo("P2"))
                .body("state", equalTo("NEW"))
                .body("source", equalTo("MANUAL"))
                .body("createdBy", equalTo("pat"))
                .body("incidentCount", equalTo(0))
                .body("knownError", equalTo(false));
    }

    @Test
    void anAgentProposesAProblemWithTheIncidentsSeen() {
        String incident = observedIncident();
        String id = asAgent().body("""
                {"statement": "VPN drops hourly", "impact": 2, "urgency": 3, "incidentNumbers": ["%s"]}"""
                .formatted(incident))
                .post(PROBLEMS).then().statusCode(201)
                .body("createdBy", equalTo("agent"))
                .body("incidentCount", equalTo(1))
                .extract().path("id");
        asAgent().get(PROBLEMS + "/{id}/incidents", id).then().statusCode(200)
                .body("incidentNumber", equalTo(List.of(incident)))
                .body("[0].incidentId", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .body("[0].state", equalTo("NEW"))
                .body("[0].linkedBy", equalTo("agent"));
    }

    @Test
    void theWholeLifecycleWithNextStatesAndHistory() {
        String id = createProblem("Printer spooler crashes");
        asManager().get(PROBLEMS + "/{id}/next-states", id).then().statusCode(200)
                .body("state", equalTo("NEW"))
                .body("moves.action", equalTo(List.of("assess", "resolve", "cancel")))
                .body("moves.find { it.action == 'resolve' }.resolutionCodes", equalTo(List.of("DUPLICATE")));
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200).body("state", equalTo("ASSESSMENT"));
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200)
                .body("state", equalTo("ROOT_CAUSE_ANALYSIS"));
        // the fix needs a root cause first
        asManager().post(PROBLEMS + "/{id}/start-fix", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rootCause"));
        asManager().body("{\"rootCause\": \"Driver leaks handles\"}").patch(PROBLEMS + "/{id}", id).then()
                .statusCode(200).body("rootCause", equalTo("Driver leaks handles"))
                .body("rootCauseIdentifiedAt", notNullValue());
        asManager().post(PROBLEMS + "/{id}/start-fix", id).then().statusCode(200)
                .body("state", equalTo("FIX_IN_PROGRESS"));
        asManager().post(PROBLEMS + "/{id}/reanalyse", id).then().statusCode(200)
                .body("state", equalTo("ROOT_CAUSE_ANALYSIS"));
        asManager().post(PROBLEMS + "/{id}/start-fix", id).then().statusCode(200);
        // FIX_APPLIED needs the fix: a change or notes
        asManager().body("{\"resolutionCode\": \"FIX_APPLIED\"}").post(PROBLEMS + "/{id}/resolve", id).then()
                .statusCode(422).body("errors.field", hasItem("resolutionNotes"));
        asManager().body("{\"resolutionCode\": \"FIX_APPLIED\", \"resolutionNotes\": \"Driver 5.2 rolled out\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("resolutionCode", equalTo("FIX_APPLIED"))
                .body("resolvedAt", notNullValue());
        asManager().post(PROBLEMS + "/{id}/close", id).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closedAt", notNullValue());
        asManager().get(PROBLEMS + "/{id}/next-states", id).then().body("moves", equalTo(List.of()));
        asAgent().get(PROBLEMS + "/{id}/history", id).then().statusCode(200)
                .body("field", hasItems("state", "rootCause", "resolutionCode"))
                .body("find { it.field == 'rootCause' }.actor", equalTo("pat"))
                .body("findAll { it.field == 'state' }.to", equalTo(List.of("NEW", "ASSESSMENT",
                        "ROOT_CAUSE_ANALYSIS", "FIX_IN_PROGRESS", "ROOT_CAUSE_ANALYSIS", "FIX_IN_PROGRESS",
                        "RESOLVED", "CLOSED")));
    }

    @Test
    void anIllegalMoveIs409NamingTheAllowedMoves() {
        String id = createProblem("Illegal move");
        asManager().post(PROBLEMS + "/{id}/start-fix", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("allowedMoves", equalTo(List.of("assess", "resolve", "cancel")));
        asManager().body("{\"resolutionCode\": \"RISK_ACCEPTED\", \"resolutionNotes\": \"cheap\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(409)
                .body("detail", containsString("DUPLICATE"));
    }

    @Test
    void analysisEndsInAnAcceptedRisk() {
        String id = createProblem("Legacy app slow on Mondays");
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200);
        asManager().body("{\"resolutionCode\": \"RISK_ACCEPTED\"}").post(PROBLEMS + "/{id}/resolve", id).then()
                .statusCode(422).body("errors.field", hasItem("resolutionNotes"));
        asManager().body("{\"resolutionCode\": \"RISK_ACCEPTED\", \"resolutionNotes\": \"App retires in March\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("resolutionCode", equalTo("RISK_ACCEPTED"));
    }

    @Test
    void aDuplicateNamesAnExistingOtherProblem() {
        String originalId = createProblem("Original");
        String original = asManager().get(PROBLEMS + "/{id}", originalId).then().extract().path("number");
        String id = createProblem("Same again");
        String self = asManager().get(PROBLEMS + "/{id}", id).then().extract().path("number");
        asManager().body("{\"resolutionCode\": \"DUPLICATE\", \"duplicateOf\": \"PRB9999999\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(400).body("errors.field", hasItem("duplicateOf"));
        asManager().body("{\"resolutionCode\": \"DUPLICATE\", \"duplicateOf\": \"" + self + "\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(400);
        asManager().body("{\"resolutionCode\": \"DUPLICATE\", \"duplicateOf\": \"" + original + "\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(200)
                .body("resolutionCode", equalTo("DUPLICATE")).body("duplicateOf", equalTo(original));
    }

    @Test
    void cancelNeedsAReasonAndEndsTheProblem() {
        String id = createProblem("Not a problem");
        asManager().body("{}").post(PROBLEMS + "/{id}/cancel", id).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asManager().body("{\"reason\": \"user error\"}").post(PROBLEMS + "/{id}/cancel", id).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("resolutionCode", equalTo("CANCELLED"));
        asManager().body("{\"statement\": \"late\"}").patch(PROBLEMS + "/{id}", id).then().statusCode(409);
    }

    @Test
    void linkAndUnlinkIncidents() {
        String id = createProblem("Linking");
        String first = observedIncident();
        String second = observedIncident();
        asAgent().body("{\"incidentNumber\": \"" + first + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201).body("incidentCount", equalTo(1));
        asManager().body("{\"incidentNumber\": \"" + second + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201).body("incidentCount", equalTo(2));
        // linking again changes nothing
        asManager().body("{\"incidentNumber\": \"" + second + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(200).body("incidentCount", equalTo(2));
        // one incident, one open problem
        String other = createProblem("Other");
        asManager().body("{\"incidentNumber\": \"" + first + "\"}").post(PROBLEMS + "/{id}/incidents", other).then()
                .statusCode(409).body("detail", containsString(first));
        asManager().delete(PROBLEMS + "/{id}/incidents/{number}", id, first).then().statusCode(200)
                .body("incidentCount", equalTo(1));
        asManager().delete(PROBLEMS + "/{id}/incidents/{number}", id, first).then().statusCode(404);
        asManager().delete(PROBLEMS + "/{id}/incidents/{number}", id, "not-an-incident").then().statusCode(400);
        asAgent().get(PROBLEMS + "/{id}/incidents", id).then().statusCode(200)
                .body("incidentNumber", equalTo(List.of(second)));
        asManager().body("{\"incidentNumber\": \"INC12\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(400).body("errors.field", hasItem("incidentNumber"));
    }

    @Test
    void publishedKnownErrorsAreSearchableByTheDesk() {
        String id = createProblem("Outlook freezes on start");
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        asManager().body("""
                {"symptom": "Outlook freezes %s", "rootCause": "Corrupt OST cache", "workaround": "Delete the OST file"}"""
                .formatted(marker))
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(200)
                .body("symptom", containsString(marker))
                .body("workaround", equalTo("Delete the OST file"))
                .body("publishedBy", equalTo("pat"));
        asAgent().get(PROBLEMS + "/{id}", id).then()
                .body("knownError", equalTo(true))
                .body("workaround", equalTo("Delete the OST file"))
                .body("rootCause", equalTo("Corrupt OST cache"));
        asAgent().queryParam("q", marker.toUpperCase()).get("/api/v1/known-errors").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].problemId", equalTo(id))
                .body("items[0].workaround", equalTo("Delete the OST file"));
        asAgent().queryParam("q", "ost cache").queryParam("serviceId", UUID.randomUUID().toString())
                .get("/api/v1/known-errors").then().statusCode(200).body("total", equalTo(0));
        asManager().queryParam("knownError", "true").queryParam("q", "outlook freezes on start").get(PROBLEMS).then()
                .statusCode(200).body("items.id", hasItem(id));
        // republishing updates the same known error
        asManager().body("{\"symptom\": \"Outlook freezes " + marker + "\", \"workaround\": \"Use OWA\"}")
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(200).body("workaround", equalTo("Use OWA"));
        asAgent().get(PROBLEMS + "/{id}/known-error", id).then().statusCode(200)
                .body("workaround", equalTo("Use OWA")).body("rootCause", equalTo("Corrupt OST cache"));
        asAgent().queryParam("q", marker).get("/api/v1/known-errors").then().body("total", equalTo(1));
    }

    @Test
    void aProblemWithoutKnownErrorAnswers404ForIt() {
        String id = createProblem("No known error yet");
        asAgent().get(PROBLEMS + "/{id}/known-error", id).then().statusCode(404)
                .contentType("application/problem+json");
        asAgent().get(PROBLEMS + "/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theFixChangeIsRecordedDuringAnalysisAndStartsTheFix() {
        String id = createProblem("Needs a change");
        String change = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(409);
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200);
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(422).body("errors.field", hasItem("rootCause"));
        asManager().body("{\"rootCause\": \"Kernel bug\"}").patch(PROBLEMS + "/{id}", id).then().statusCode(200);
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200).body("fixChangeNumber", equalTo(change)).body("state", equalTo("FIX_IN_PROGRESS"));
        asManager().body("{\"changeNumber\": \"change-1\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(400).body("errors.field", hasItem("changeNumber"));
    }

    @Test
    void listsFilterSortAndPage() {
        String marker = "Filtered " + UUID.randomUUID();
        String id = asManager().body("{\"statement\": \"" + marker + "\", \"impact\": 1, \"urgency\": 1, "
                + "\"assignee\": \"zoe\"}").post(PROBLEMS).then().statusCode(201).extract().path("id");
        createProblem(marker + " second");
        asAgent().queryParam("q", marker).queryParam("priority", "P1").get(PROBLEMS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        asAgent().queryParam("q", marker).queryParam("sort", "-createdAt").queryParam("size", "1").get(PROBLEMS)
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].statement", equalTo(marker + " second"));
        asAgent().queryParam("q", marker).queryParam("assignee", "zoe").queryParam("state", "new")
                .queryParam("source", "MANUAL").queryParam("knownError", "false").get(PROBLEMS).then()
                .body("total", equalTo(1));
        asAgent().queryParam("size", "1000").get(PROBLEMS).then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        asManager().body("{\"statement\": ").post(PROBLEMS).then().statusCode(400)
                .contentType("application/problem+json");
        asManager().body("{\"statement\": \"x\", \"impact\": 2}").post(PROBLEMS).then().statusCode(400)
                .body("errors.field", hasItem("urgency"));
        asManager().body("{\"statement\": \"x\", \"impact\": 7, \"urgency\": 2}").post(PROBLEMS).then().statusCode(400)
                .body("errors.field", hasItem("impact"));
        asManager().body("{\"statement\": \"" + "x".repeat(161) + "\", \"impact\": 2, \"urgency\": 2}").post(PROBLEMS)
                .then().statusCode(400).body("errors.field", hasItem("statement"));
        asManager().body("{\"statement\": \"x\", \"impact\": \"high\", \"urgency\": 2}").post(PROBLEMS).then()
                .statusCode(400).body("errors.field", hasItem("impact"));
        asManager().body("{\"statement\": \"x\", \"impact\": 2, \"urgency\": 2, \"serviceId\": \"nope\"}").post(PROBLEMS)
                .then().statusCode(400);
        asManager().body("{\"statement\": \"x\", \"impact\": 2, \"urgency\": 2, \"serviceId\": \"" + UUID.randomUUID()
                + "\"}").post(PROBLEMS).then().statusCode(400).body("errors.field", hasItem("serviceId"));
        String id = createProblem("Bad input");
        asManager().body("{\"resolutionCode\": \"FIXED_SOMEHOW\"}").post(PROBLEMS + "/{id}/resolve", id).then()
                .statusCode(400).body("errors[0].message", containsString("FIX_APPLIED"));
        asAgent().queryParam("state", "OPENISH").get(PROBLEMS).then().statusCode(400)
                .body("errors.field", hasItem("state"));
        asAgent().queryParam("page", "-1").get(PROBLEMS).then().statusCode(400);
        asAgent().queryParam("size", "lots").get(PROBLEMS).then().statusCode(400);
        asAgent().queryParam("sort", "secret").get(PROBLEMS).then().statusCode(400).body("errors.field", hasItem("sort"));
        asAgent().queryParam("serviceId", "x").get("/api/v1/known-errors").then().statusCode(400);
        asAgent().get(PROBLEMS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void staleETagIs412AndOnlyOneOfTwoConcurrentUpdatesWins() throws Exception {
        String id = createProblem("Concurrent edits");
        String etag = asManager().get(PROBLEMS + "/{id}", id).then().extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (String assignee : List.of("ann", "bob")) {
                updates.add(() -> asManager().header("If-Match", etag)
                        .body("{\"assignee\": \"" + assignee + "\"}").patch(PROBLEMS + "/{id}", id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(updates)) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdown();
        }
        asManager().header("If-Match", etag).post(PROBLEMS + "/{id}/assess", id).then().statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String body = newProblemJson("Idempotent create");
        String first = asManager().header("Idempotency-Key", key).body(body).post(PROBLEMS).then().statusCode(201)
                .extract().path("id");
        asManager().header("Idempotency-Key", key).body(body).post(PROBLEMS).then().statusCode(200)
                .body("id", equalTo(first));
        asManager().header("Idempotency-Key", key).body(newProblemJson("Something else")).post(PROBLEMS).then()
                .statusCode(422);
    }

    @Test
    void theSummaryCountsOpenProblemsAndKnownErrors() {
        String id = createProblem("Summary");
        asManager().body("{\"incidentNumber\": \"" + observedIncident() + "\"}").post(PROBLEMS + "/{id}/incidents", id)
                .then().statusCode(201);
        asManager().body("{\"symptom\": \"s\", \"workaround\": \"w\"}").post(PROBLEMS + "/{id}/known-error", id)
                .then().statusCode(200);
        asAgent().get(PROBLEMS + "/summary").then().statusCode(200)
                .body("open", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("byState.NEW", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("knownErrors", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("incidentsLinkedToKnownErrors", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("meanTimeToRootCauseHours", notNullValue());
        asManager().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void updatesAreRecordedOnlyWhenSomethingChanged() {
        String id = createProblem("History");
        asManager().body("{\"impact\": 1, \"urgency\": 1, \"workaround\": \"reboot\"}").patch(PROBLEMS + "/{id}", id)
                .then().statusCode(200).body("priority", equalTo("P1")).body("rootCauseIdentifiedAt", nullValue());
        asManager().body("{\"impact\": 1}").patch(PROBLEMS + "/{id}", id).then().statusCode(200);
        asManager().get(PROBLEMS + "/{id}/history", id).then()
                .body("findAll { it.field == 'impact' }.size()", equalTo(1))
                .body("find { it.field == 'priority' && it.to == 'P1' }.from", equalTo("P3"));
    }
}
