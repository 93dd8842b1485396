package org.itsm.incident.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.itsm.incident.IncidentTestSupport.as;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asRequester;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.incident.ShiftableClock;
import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The rules of issue 15 through the API: SLA integrity, who may do what, the request bodies, history, OpenAPI. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentRulesApiTest {

    private static final String RESOLVE = "{\"resolutionCode\": \"SOLVED_PERMANENTLY\", \"resolutionNotes\": \"done\"}";

    @AfterEach
    void resetClock() {
        ShiftableClock.reset();
    }

    // 1. SLA: a pause counts only against a clock running when it happens

    @Test
    void aHoldAfterTheResponseDoesNotMoveTheResponseClock() {
        String id = asRequester("dora").body(newIncidentJson("Hold after response", 2, 2))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200);
        Instant dueBefore = Instant.parse(asAgent().get("/api/v1/incidents/{id}", id).then().statusCode(200)
                .extract().path("sla.response.dueAt"));
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which floor?\"}")
                .post("/api/v1/incidents/{id}/hold", id).then().statusCode(200);
        ShiftableClock.shift(Duration.ofHours(2));
        asAgent().post("/api/v1/incidents/{id}/resume", id).then().statusCode(200);
        JsonPath after = asAgent().get("/api/v1/incidents/{id}/sla", id).then().statusCode(200).extract().jsonPath();
        assertEquals(dueBefore, Instant.parse(after.getString("response.dueAt")), "response due time unchanged");
        assertEquals(0, after.getInt("response.pausedMinutes"));
        assertEquals("MET", after.getString("response.state"));
        assertEquals(120, after.getInt("resolution.pausedMinutes"), "the resolution clock ran, so it paused");
    }

    // 2. SLA: a breach stays a breach through reopen and re-resolve, raised once

    @Test
    void aBreachSurvivesReopenAndIsRecordedOnce() {
        String marker = "breach-once-" + UUID.randomUUID();
        String id = asAgent().body(newIncidentJson(marker, 1, 1)).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        ShiftableClock.shift(Duration.ofHours(5)); // P1 resolution target: 240 minutes
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        assertBreached(marker, 1);
        asAgent().body("{\"reason\": \"Still failing\"}").post("/api/v1/incidents/{id}/reopen", id).then()
                .statusCode(200);
        assertBreached(marker, 1);
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        assertBreached(marker, 1);
        List<Map<String, String>> history = asAgent().get("/api/v1/incidents/{id}/history", id).then()
                .statusCode(200).extract().path("findAll { it.field == 'resolutionSlaAlert' }");
        assertEquals(1, history.size(), history.toString());
        assertEquals("BREACHED", history.get(0).get("to"));
    }

    // 3. SLA: a change of terms recomputes the marks, up or down, and events a new breach

    @Test
    void aLowerPriorityClearsMarksOfTheOldTerms() {
        String marker = "terms-down-" + UUID.randomUUID();
        var created = asAgent().body(newIncidentJson(marker, 1, 1)).post("/api/v1/incidents").then().statusCode(201)
                .extract();
        String id = created.path("id");
        ShiftableClock.shift(Duration.ofHours(3)); // P1: response (15 min) missed, resolution (240) at risk
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200);
        assertBreached(marker, 1);
        asAgent().body("{\"impact\": 3, \"urgency\": 3}").patch("/api/v1/incidents/{id}", id).then().statusCode(200)
                .body("priority", equalTo("P5"));
        assertBreached(marker, 0);
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'responseSlaAlert' }.to", contains("BREACHED", null))
                .body("findAll { it.field == 'resolutionSlaAlert' }.to", contains("AT_RISK", null));
    }

    @Test
    void aHigherPriorityRaisesTheBreachWithItsEvent() {
        String marker = "terms-up-" + UUID.randomUUID();
        String id = asAgent().body(newIncidentJson(marker, 3, 3)).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        ShiftableClock.shift(Duration.ofHours(5));
        assertBreached(marker, 0);
        asAgent().body("{\"impact\": 1, \"urgency\": 1}").patch("/api/v1/incidents/{id}", id).then().statusCode(200)
                .body("priority", equalTo("P1"));
        assertBreached(marker, 1);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            reader.await(record -> id.equals(record.key())
                    && EventTypes.INCIDENT_SLA_BREACHED.equals(KafkaTopicReader.header(record, "ce_type")), 2,
                    Duration.ofSeconds(15)); // response and resolution
        }
    }

    // 6. next-states offers only what the caller may do, with the body fields

    @Test
    void nextStatesFollowTheCallersRightsAndNameTheFields() {
        String id = asRequester("erin").body(newIncidentJson("Next states by role", 3, 3))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asRequester("erin").get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200)
                .body("moves", empty());
        as("pm", Roles.PROBLEM_MANAGER).get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200)
                .body("moves", empty());
        asAgent().get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200)
                .body("moves.action", contains("start", "hold", "resolve", "cancel"))
                .body("moves.find { it.action == 'hold' }.requires", contains("holdReason"))
                .body("moves.find { it.action == 'hold' }.optional", contains("comment"))
                .body("moves.find { it.action == 'resolve' }.requires", contains("resolutionCode", "resolutionNotes"))
                .body("moves.find { it.action == 'cancel' }.requires", contains("reason"));
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        asRequester("erin").get("/api/v1/incidents/{id}/next-states", id).then().statusCode(200)
                .body("moves.action", contains("reopen"))
                .body("moves[0].requires", contains("reason"));
        // the caller is refused what next-states did not offer, and gets what it did
        asRequester("erin").post("/api/v1/incidents/{id}/close", id).then().statusCode(403);
        asRequester("erin").body("{\"reason\": \"Not fixed for me\"}").post("/api/v1/incidents/{id}/reopen", id)
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
    }

    // 7. reasons required where next-states says so; one name for the hold reason

    @Test
    void reopenAndCancelRequireAReason() {
        String id = create("Reasons please");
        asAgent().body("{}").post("/api/v1/incidents/{id}/cancel", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        asAgent().post("/api/v1/incidents/{id}/cancel", id).then().statusCode(400)
                .contentType("application/problem+json");
        asAgent().body(RESOLVE).post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        asAgent().body("{\"reason\": \" \"}").post("/api/v1/incidents/{id}/reopen", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        asAgent().body("{\"reason\": \"Came back\"}").post("/api/v1/incidents/{id}/reopen", id).then()
                .statusCode(200);
        asAgent().body("{\"reason\": \"Raised twice\"}").post("/api/v1/incidents/{id}/cancel", id).then()
                .statusCode(200).body("state", equalTo("CANCELLED"));
    }

    @Test
    void holdTakesHoldReasonAsTheViewShowsIt() {
        String id = create("Hold reason name");
        asAgent().body("{\"comment\": \"x\"}").post("/api/v1/incidents/{id}/hold", id).then().statusCode(400)
                .body("errors.field", hasItem("holdReason"));
        asAgent().body("{\"holdReason\": \"AWAITING_VENDOR\"}").post("/api/v1/incidents/{id}/hold", id).then()
                .statusCode(200).body("holdReason", equalTo("AWAITING_VENDOR"));
    }

    // 8. resolution codes are an ITIL enumeration

    @Test
    void anUnknownResolutionCodeIsRefusedWithTheAllowedValues() {
        String id = create("Banana resolution");
        asAgent().body("{\"resolutionCode\": \"banana\", \"resolutionNotes\": \"peeled\"}")
                .post("/api/v1/incidents/{id}/resolve", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("resolutionCode"))
                .body("errors[0].message", containsString("SOLVED_PERMANENTLY"));
        asAgent().body("{\"resolutionCode\": \"SOLVED_WORKAROUND\", \"resolutionNotes\": \"restarted\"}")
                .post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200)
                .body("resolutionCode", equalTo("SOLVED_WORKAROUND"));
    }

    // 9. correlation never reaches records the caller cannot see

    @Test
    void aRequestersCorrelationKeyMatchesOnlyTheirOwnIncidents() {
        String key = "corr-" + UUID.randomUUID();
        String body = "{\"shortDescription\": \"Alert\", \"impact\": 2, \"urgency\": 2, \"correlationKey\": \"" + key
                + "\"}";
        String agents = asAgent().body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String franks = asRequester("frank").body(body).post("/api/v1/incidents").then().statusCode(201)
                .body("caller", equalTo("frank")).body("reportCount", equalTo(1)).extract().path("id");
        assertNotEquals(agents, franks);
        asAgent().get("/api/v1/incidents/{id}", agents).then().statusCode(200).body("reportCount", equalTo(1));
        asRequester("frank").body(body).post("/api/v1/incidents").then().statusCode(200)
                .body("id", equalTo(franks)).body("reportCount", equalTo(2));
    }

    // 10. major at create for those who may declare it; no parent cycles

    @Test
    void majorAtCreateIsForThoseWhoMayDeclareIt() {
        String body = "{\"shortDescription\": \"Data centre down\", \"impact\": 1, \"urgency\": 1, \"major\": true}";
        asRequester("gina").body(body).post("/api/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json");
        String id = asAgent().body(body).post("/api/v1/incidents").then().statusCode(201)
                .body("major", equalTo(true)).extract().path("id");
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("find { it.field == 'major' }.to", equalTo("true"));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            reader.await(record -> id.equals(record.key())
                    && EventTypes.INCIDENT_MAJOR_DECLARED.equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(15));
        }
    }

    @Test
    void parentLinksNeverMakeACycle() {
        String a = create("Parent A");
        String b = create("Child B");
        String c = create("Grandchild C");
        asAgent().body("{\"parentId\": \"" + a + "\"}").patch("/api/v1/incidents/{id}", b).then().statusCode(200);
        asAgent().body("{\"parentId\": \"" + b + "\"}").patch("/api/v1/incidents/{id}", a).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("parentId"));
        asAgent().body("{\"parentId\": \"" + b + "\"}").patch("/api/v1/incidents/{id}", c).then().statusCode(200);
        asAgent().body("{\"parentId\": \"" + c + "\"}").patch("/api/v1/incidents/{id}", a).then().statusCode(422)
                .contentType("application/problem+json");
        asAgent().body("{\"parentId\": \"" + a + "\"}").patch("/api/v1/incidents/{id}", a).then().statusCode(422)
                .contentType("application/problem+json");
        asAgent().get("/api/v1/incidents/{id}", a).then().body("parentId", equalTo(null));
    }

    // 11. history: resolution, reasons, comments with their visibility

    @Test
    void historyRecordsResolutionReasonsAndComments() {
        String id = create("History everything");
        asAgent().body("{\"body\": \"On it\"}").post("/api/v1/incidents/{id}/comments", id).then().statusCode(201);
        asAgent().body("{\"body\": \"Checked logs\"}").post("/api/v1/incidents/{id}/work-notes", id).then()
                .statusCode(201);
        asAgent().body("{\"resolutionCode\": \"SOLVED_WORKAROUND\", \"resolutionNotes\": \"Rebooted\"}")
                .post("/api/v1/incidents/{id}/resolve", id).then().statusCode(200);
        asAgent().body("{\"reason\": \"Back again\"}").post("/api/v1/incidents/{id}/reopen", id).then().statusCode(200);
        asAgent().body("{\"reason\": \"Duplicate of another\"}").post("/api/v1/incidents/{id}/cancel", id).then()
                .statusCode(200);
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("find { it.field == 'resolutionCode' }.to", equalTo("SOLVED_WORKAROUND"))
                .body("find { it.field == 'resolutionNotes' }.to", equalTo("Rebooted"))
                .body("find { it.field == 'reopenReason' }.to", equalTo("Back again"))
                .body("find { it.field == 'cancelReason' }.to", equalTo("Duplicate of another"))
                .body("findAll { it.field == 'comment' }.to", hasItems("PUBLIC", "WORK_NOTE"));
    }

    @Test
    void aCallerSeesNoTraceOfWorkNotesInTheHistory() {
        String id = asRequester("gina").body(newIncidentJson("Internal notes stay internal", 3, 3))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        asAgent().body("{\"body\": \"Caller seems confused\"}").post("/api/v1/incidents/{id}/work-notes", id).then()
                .statusCode(201);
        asAgent().body("{\"body\": \"We are looking into it\"}").post("/api/v1/incidents/{id}/comments", id).then()
                .statusCode(201);
        asRequester("gina").get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'comment' }.to", contains("PUBLIC"));
        asAgent().get("/api/v1/incidents/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'comment' }.to", containsInAnyOrder("PUBLIC", "WORK_NOTE"));
    }

    @Test
    void theFrameworksOwnRefusalsCarryTypesFromTheCatalogue() {
        String id = create("Refusals are typed");
        RestAssured.given().get("/api/v1/incidents/{id}", id).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://itsm.dev/problems/unauthorized"));
        asRequester("hank").body("{\"body\": \"Let me in\"}").post("/api/v1/incidents/{id}/work-notes", id).then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://itsm.dev/problems/forbidden"));
        asAgent().get("/api/v1/incidents/{id}/no-such-thing", id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://itsm.dev/problems/not-found"));
        asAgent().delete("/api/v1/incidents/{id}/history", id).then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://itsm.dev/problems/method-not-allowed"));
    }

    // 13. OpenAPI: every operation documents its success schema; operationIds unique

    @Test
    void everyOperationDocumentsItsSuccessSchemaUnderAUniqueId() {
        JsonPath openApi = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        Set<String> ids = new HashSet<>();
        List<String> withoutSchema = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/incidents")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String id = (String) operation.getValue().get("operationId");
                assertTrue(id != null && ids.add(id), "unique operationId: " + id);
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getValue()
                        .get("responses");
                boolean documented = responses.entrySet().stream()
                        .filter(response -> response.getKey().startsWith("2"))
                        .anyMatch(response -> response.getValue().get("content") instanceof Map<?, ?> content
                                && content.values().stream().anyMatch(media -> media instanceof Map<?, ?> m
                                        && m.get("schema") != null));
                if (!documented) {
                    withoutSchema.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations >= 21, "all incident operations seen: " + operations);
        assertTrue(withoutSchema.isEmpty(), "without a success schema: " + withoutSchema);
        List<String> codes = openApi.getList("components.schemas.ResolutionCode.enum");
        assertTrue(codes.containsAll(List.of("SOLVED_PERMANENTLY", "SOLVED_WORKAROUND", "NOT_SOLVED_NOT_REPRODUCIBLE",
                "NOT_SOLVED_TOO_COSTLY", "CLOSED_BY_CALLER", "DUPLICATE", "CHANGE_REQUIRED")), codes.toString());
        assertFalse(openApi.getMap("components.schemas.Hold.properties").containsKey("reason"));
    }

    // shared service-support change: unknown JSON fields are refused naming the field

    @Test
    void anUnknownFieldOnCreateIsRefusedNamingIt() {
        asAgent().body("{\"shortDescription\": \"Typo\", \"impact\": 2, \"urgency\": 2, \"assignmentGroupp\": \"x\"}")
                .post("/api/v1/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("assignmentGroupp"))
                .body("errors.field", not(hasItem("shortDescription")));
    }

    private static void assertBreached(String marker, int expected) {
        asAgent().get("/api/v1/incidents?breached=true&q={q}", marker).then().statusCode(200)
                .body("total", equalTo(expected));
    }

    private static String create(String shortDescription) {
        return asAgent().body(newIncidentJson(shortDescription, 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
