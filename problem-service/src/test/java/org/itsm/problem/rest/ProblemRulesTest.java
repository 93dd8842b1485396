package org.itsm.problem.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.itsm.problem.ProblemTestSupport.asAgent;
import static org.itsm.problem.ProblemTestSupport.asManager;
import static org.itsm.problem.ProblemTestSupport.createProblem;
import static org.itsm.problem.ProblemTestSupport.observedIncident;
import static org.itsm.problem.ProblemTestSupport.uniqueNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules that cannot be broken: one incident in one open problem on every path, only incidents problem
 * management knows, next-states for the caller, the whole story in the history, a complete API document.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "problem"))
class ProblemRulesTest {

    private static final String PROBLEMS = "/api/v1/problems";

    @Test
    void createCannotTakeAnIncidentFromAnotherOpenProblem() {
        String incident = observedIncident();
        String first = asManager().body("""
                {"statement": "First owner", "impact": 2, "urgency": 2, "incidentNumbers": ["%s"]}"""
                .formatted(incident)).post(PROBLEMS).then().statusCode(201).extract().path("number");
        asAgent().body("""
                {"statement": "Second owner", "impact": 2, "urgency": 2, "incidentNumbers": ["%s"]}"""
                .formatted(incident)).post(PROBLEMS).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(incident))
                .body("detail", containsString(first));
        asAgent().queryParam("q", "Second owner").get(PROBLEMS).then().body("items.statement",
                not(hasItem("Second owner")));
    }

    @Test
    void incidentsUnknownToProblemManagementAre422NamingThem() {
        String known = observedIncident();
        String unknown = uniqueNumber("INC");
        asAgent().body("""
                {"statement": "Unknown incidents", "impact": 2, "urgency": 2, "incidentNumbers": ["%s", "%s"]}"""
                .formatted(known, unknown)).post(PROBLEMS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("incidentNumbers"))
                .body("errors.find { it.field == 'incidentNumbers' }.message", containsString(unknown))
                .body("errors.find { it.field == 'incidentNumbers' }.message", not(containsString(known)));
        String id = createProblem("Link unknown");
        asAgent().body("{\"incidentNumber\": \"" + unknown + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("incidentNumber"))
                .body("errors.find { it.field == 'incidentNumber' }.message", containsString(unknown));
        asAgent().get(PROBLEMS + "/{id}", id).then().body("incidentCount", equalTo(0));
    }

    @Test
    void aCancelledIncidentCannotBeLinkedButAResolvedOneCan() {
        String id = createProblem("Link by incident state");
        String cancelled = observedIncident("CANCELLED");
        asManager().body("{\"incidentNumber\": \"" + cancelled + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(422).body("errors.find { it.field == 'incidentNumber' }.message",
                        containsString(cancelled));
        asManager().body("{\"incidentNumber\": \"" + observedIncident("RESOLVED") + "\"}")
                .post(PROBLEMS + "/{id}/incidents", id).then().statusCode(201);
    }

    @Test
    void nextStatesAreTheCallersMovesWithWhatEachStillNeeds() {
        String id = createProblem("Next states per caller");
        asAgent().get(PROBLEMS + "/{id}/next-states", id).then().statusCode(200)
                .body("state", equalTo("NEW"))
                .body("moves", equalTo(List.of()))
                .body("allowedActions", equalTo(List.of("link-incident")));
        asAgent().get(PROBLEMS + "/{id}", id).then().body("allowedActions", equalTo(List.of("link-incident")));
        asManager().get(PROBLEMS + "/{id}", id).then().body("allowedActions", hasItems("assess", "update"));
        asManager().get(PROBLEMS + "/{id}/next-states", id).then().statusCode(200)
                .body("moves.action", equalTo(List.of("assess", "resolve", "cancel")))
                .body("moves.find { it.action == 'cancel' }.requiredFields", equalTo(List.of("reason")))
                .body("moves.find { it.action == 'resolve' }.requiredFieldsByCode.DUPLICATE",
                        equalTo(List.of("duplicateOf")))
                .body("allowedActions", hasItems("assess", "resolve", "cancel", "update", "link-incident",
                        "unlink-incident", "publish-known-error"))
                .body("allowedActions", not(hasItem("fix-change")));
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200);
        asManager().get(PROBLEMS + "/{id}/next-states", id).then()
                .body("moves.find { it.action == 'start-fix' }.requiredFields", equalTo(List.of("rootCause")))
                .body("moves.find { it.action == 'resolve' }.requiredFieldsByCode.RISK_ACCEPTED",
                        equalTo(List.of("resolutionNotes")))
                .body("allowedActions", hasItem("fix-change"));
        asManager().body("{\"rootCause\": \"Timer drift\"}").patch(PROBLEMS + "/{id}", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/start-fix", id).then().statusCode(200);
        asManager().get(PROBLEMS + "/{id}/next-states", id).then()
                .body("moves.find { it.action == 'resolve' }.requiredFieldsByCode.FIX_APPLIED",
                        equalTo(List.of("resolutionNotes")));
        asManager().body("{\"reason\": \"gone\"}").post(PROBLEMS + "/{id}/cancel", id).then().statusCode(200);
        asManager().get(PROBLEMS + "/{id}/next-states", id).then()
                .body("moves", equalTo(List.of())).body("allowedActions", equalTo(List.of()));
    }

    @Test
    void theHistoryTellsTheWholeStory() {
        String id = createProblem("History of everything");
        String kept = observedIncident();
        String dropped = observedIncident();
        asAgent().body("{\"incidentNumber\": \"" + kept + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201);
        asAgent().body("{\"incidentNumber\": \"" + dropped + "\"}").post(PROBLEMS + "/{id}/incidents", id).then()
                .statusCode(201);
        asManager().delete(PROBLEMS + "/{id}/incidents/{number}", id, dropped).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/assess", id).then().statusCode(200);
        asManager().post(PROBLEMS + "/{id}/analyse", id).then().statusCode(200);
        asManager().body("{\"rootCause\": \"Cache stampede\", \"workaround\": \"Warm the cache\"}")
                .patch(PROBLEMS + "/{id}", id).then().statusCode(200);
        asManager().body("{\"symptom\": \"Slow pages at 9:00\", \"workaround\": \"Warm the cache by hand\"}")
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(200);
        String change = uniqueNumber("CHG");
        asManager().body("{\"changeNumber\": \"" + change + "\"}").post(PROBLEMS + "/{id}/fix-change", id).then()
                .statusCode(200);
        asManager().body("{\"resolutionCode\": \"RISK_ACCEPTED\", \"resolutionNotes\": \"Traffic moves away\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(200);
        asAgent().get(PROBLEMS + "/{id}/history", id).then().statusCode(200)
                .body("field", hasItems("linkedIncident", "rootCause", "workaround", "knownError",
                        "fixChangeNumber", "state", "resolutionCode", "resolutionNotes"))
                .body("find { it.field == 'linkedIncident' && it.to == '" + kept + "' }.actor", equalTo("agent"))
                .body("find { it.field == 'linkedIncident' && it.from == '" + dropped + "' }.actor", equalTo("pat"))
                .body("find { it.field == 'knownError' }.to", containsString("Warm the cache by hand"))
                .body("find { it.field == 'resolutionNotes' }.to", equalTo("Traffic moves away"))
                .body("find { it.field == 'fixChangeNumber' }.to", equalTo(change));
        String cancelled = createProblem("History of a cancel");
        asManager().body("{\"reason\": \"Raised by mistake\"}").post(PROBLEMS + "/{id}/cancel", cancelled).then()
                .statusCode(200);
        asAgent().get(PROBLEMS + "/{id}/history", cancelled).then()
                .body("find { it.field == 'stateReason' }.to", equalTo("Raised by mistake"));
    }

    @Test
    void aDuplicateMustNameAProblemThatIsNotCancelled() {
        String cancelledId = createProblem("Cancelled original");
        String cancelled = asManager().get(PROBLEMS + "/{id}", cancelledId).then().extract().path("number");
        asManager().body("{\"reason\": \"no\"}").post(PROBLEMS + "/{id}/cancel", cancelledId).then().statusCode(200);
        String id = createProblem("Duplicate of a cancelled one");
        asManager().body("{\"resolutionCode\": \"DUPLICATE\", \"duplicateOf\": \"" + cancelled + "\"}")
                .post(PROBLEMS + "/{id}/resolve", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("duplicateOf"));
    }

    @Test
    void anAgentProposesAProblemButLeavesTheAssignmentToTheProblemManager() {
        asAgent().body("{\"statement\": \"Self-assigned\", \"impact\": 2, \"urgency\": 2, \"assignee\": \"agent\"}")
                .post(PROBLEMS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("assignee"));
        asAgent().body("{\"statement\": \"Grouped\", \"impact\": 2, \"urgency\": 2, \"assignmentGroup\": \"net\"}")
                .post(PROBLEMS).then().statusCode(403).body("detail", containsString("assignmentGroup"));
        asManager().body("{\"statement\": \"Assigned\", \"impact\": 2, \"urgency\": 2, \"assignee\": \"zoe\"}")
                .post(PROBLEMS).then().statusCode(201).body("assignee", equalTo("zoe"));
    }

    @Test
    void aBlankRootCauseIsNoRootCause() {
        String id = createProblem("Blank root cause");
        asManager().body("{\"rootCause\": \"   \", \"workaround\": \"\\n\"}").patch(PROBLEMS + "/{id}", id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("rootCause", "workaround"));
        asManager().body("{\"symptom\": \"s\", \"rootCause\": \" \", \"workaround\": \"w\"}")
                .post(PROBLEMS + "/{id}/known-error", id).then().statusCode(400)
                .body("errors.field", hasItem("rootCause"));
        asAgent().get(PROBLEMS + "/{id}", id).then().body("rootCauseIdentifiedAt", equalTo(null));
    }

    @Test
    void anUnknownFieldOnCreateIs400NamingIt() {
        asManager().body("{\"statement\": \"Typo\", \"impact\": 2, \"urgency\": 2, \"incidentNumber\": \"INC0000001\"}")
                .post(PROBLEMS).then().statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("incidentNumber"));
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaUnderAUniqueOperationId() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                String operationId = operation.path("operationId").asText("");
                if (operationId.isEmpty() || !operationIds.add(operationId)) {
                    problems.add(name + ": operationId missing or not unique (" + operationId + ")");
                }
                boolean documented = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                        responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("2")) {
                        documented |= "204".equals(response.getKey())
                                || !response.getValue().path("content").path("application/json").path("schema")
                                        .isMissingNode();
                    }
                }
                if (!documented) {
                    problems.add(name + ": no success response with a schema");
                }
            }
        }
        assertTrue(operationIds.size() > 20, "operations found: " + operationIds.size());
        assertEquals(List.of(), problems);
    }
}
