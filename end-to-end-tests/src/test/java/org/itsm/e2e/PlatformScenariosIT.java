package org.itsm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.itsm.e2e.Changes.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/** The platform's cross-service flows, driven only through the gateway with real tokens. */
@ExtendWith(PlatformExtension.class)
class PlatformScenariosIT {

    private static final Duration FLOW = Duration.ofSeconds(10);
    private static final String TARGETS = """
            [{"priority": "P1", "responseMinutes": 30, "resolutionMinutes": 240},
             {"priority": "P2", "responseMinutes": 60, "resolutionMinutes": 480},
             {"priority": "P3", "responseMinutes": 120, "resolutionMinutes": 1440},
             {"priority": "P4", "responseMinutes": 240, "resolutionMinutes": 4320},
             {"priority": "P5", "responseMinutes": 480, "resolutionMinutes": 10080}]""";

    @Test
    void approvedChangePlansTheCatalogAndItsImplementationUpdatesIt() {
        Api.Service service = Api.liveService("Mail " + UUID.randomUUID(), TARGETS);
        Change change = Changes.raise("requester", Changes.normalChangeJson("Mail gateway 2.0", service.id(),
                "\"catalogUpdate\": {\"version\": \"2.0\"}"));
        Api.as("change-manager").body("{\"implementer\": \"implementer\"}")
                .patch("/api/v1/changes/{id}", change.id()).then().statusCode(200);
        Api.as("requester").post("/api/v1/changes/{id}/submit", change.id()).then().statusCode(200);
        Api.as("change-manager").body(Changes.MEDIUM_RISK).post("/api/v1/changes/{id}/assess", change.id())
                .then().statusCode(200).body("approval.route", equalTo("CAB"));
        // the requester may not approve their own change
        Api.as("requester").body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", change.id())
                .then().statusCode(403);
        for (String member : List.of("cab1", "cab2")) {
            Api.as(member).body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", change.id())
                    .then().statusCode(201);
        }
        Api.as("change-manager").post("/api/v1/changes/{id}/schedule", change.id()).then().statusCode(200);
        await().atMost(FLOW).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services/{id}", service.id())
                .then().statusCode(200).body("plannedChanges.changeNumber", hasItem(change.number())));

        Api.as("implementer").body(Changes.EARLY).post("/api/v1/changes/{id}/implement", change.id()).then()
                .statusCode(200);
        Api.as("change-manager").body("{\"outcome\": \"SUCCESSFUL\", \"outcomeNotes\": \"released\"}")
                .post("/api/v1/changes/{id}/close", change.id()).then().statusCode(200).body("state", equalTo("CLOSED"));
        await().atMost(FLOW).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services/{id}", service.id())
                .then().statusCode(200).body("version", equalTo("2.0")).body("plannedChanges.size()", equalTo(0)));
        Api.as("catalog-manager").get("/api/v1/catalog/services/{id}/history", service.id()).then().statusCode(200)
                .body("actor", hasItem(change.number()));
    }

    @Test
    void recurringIncidentsBecomeAProblemWhoseKnownErrorAndFixReachTheIncidents() {
        Api.Service service = Api.liveService("Payroll " + UUID.randomUUID(), TARGETS);
        String category = "payroll-login-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            incidents.add(raiseIncident("agent", "Payroll login fails " + i, service.id(), null, category));
        }
        String[] problem = new String[2];
        await().atMost(FLOW).untilAsserted(() -> {
            JsonPath found = Api.as("problem-manager")
                    .get("/api/v1/problems?serviceId=" + service.id() + "&source=DETECTED").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].incidentCount", equalTo(3)).extract().jsonPath();
            problem[0] = found.getString("items[0].id");
            problem[1] = found.getString("items[0].number");
        });
        String id = problem[0];
        Api.as("problem-manager").post("/api/v1/problems/{id}/assess", id).then().statusCode(200);
        Api.as("problem-manager").post("/api/v1/problems/{id}/analyse", id).then().statusCode(200);
        Api.as("problem-manager").body("{\"rootCause\": \"Expired signing certificate on the SSO bridge\"}")
                .patch("/api/v1/problems/{id}", id).then().statusCode(200);
        Api.as("problem-manager").body("""
                {"symptom": "Payroll login fails", "workaround": "Log in through the intranet portal"}""")
                .post("/api/v1/problems/{id}/known-error", id).then().statusCode(200);
        for (String incident : incidents) {
            await().atMost(FLOW).untilAsserted(() -> Api.as("agent").get("/api/v1/incidents/{id}", incident).then()
                    .body("workaround", equalTo("Log in through the intranet portal"))
                    .body("problemNumber", equalTo(problem[1])));
        }

        Change fix = Changes.raise("problem-manager", Changes.normalChangeJson("Renew SSO certificate", service.id(),
                "\"problemNumber\": \"" + problem[1] + "\""));
        Api.as("problem-manager").body("{\"changeNumber\": \"" + fix.number() + "\"}")
                .post("/api/v1/problems/{id}/fix-change", id).then().statusCode(200)
                .body("state", equalTo("FIX_IN_PROGRESS"));
        Changes.approveLowRiskAndSchedule("problem-manager", fix);
        Changes.implementSuccessfully(fix);
        await().atMost(FLOW).untilAsserted(() -> Api.as("problem-manager").get("/api/v1/problems/{id}", id).then()
                .body("state", equalTo("RESOLVED")).body("resolutionCode", equalTo("FIX_APPLIED")));
    }

    @Test
    void anIncidentRightAfterAnImplementedChangeIsFlaggedAsPossiblyCausedByIt() {
        Api.Service service = Api.liveService("Intranet " + UUID.randomUUID(), TARGETS);
        Change change = Changes.raise("requester", Changes.normalChangeJson("Intranet theme", service.id(), ""));
        Changes.approveLowRiskAndSchedule("requester", change);
        Changes.implementSuccessfully(change);
        // the implemented event reaches incident-service within moments; incidents raised from then on are flagged
        await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String incident = raiseIncident("requester", "Intranet pages look broken", service.id(), null, "web");
            Api.as("agent").get("/api/v1/incidents/{id}", incident).then()
                    .body("possibleCauseChange", equalTo(change.number()));
        });
    }

    @Test
    void aServiceRequestIsValidatedApprovedByTheManagerAndFulfilled() {
        String item = Api.as("catalog-manager").body("""
                {"name": "Laptop %s", "category": "hardware", "approvalRule": "MANAGER", "fulfilmentGroup": "desktop",
                 "expectedDeliveryHours": 16,
                 "form": {"type": "object", "required": ["model", "quantity"], "additionalProperties": false,
                          "properties": {"model": {"type": "string", "enum": ["13-inch", "15-inch"]},
                                         "quantity": {"type": "integer", "minimum": 1, "maximum": 3}}}}"""
                .formatted(UUID.randomUUID())).post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        Api.as("catalog-manager").post("/api/v1/catalog/items/{id}/publish", item).then().statusCode(200);

        Api.as("requester").body("{\"itemId\": \"" + item + "\", \"fields\": {\"model\": \"17-inch\", \"quantity\": 9}}")
                .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("fields.model", "fields.quantity"));
        String request = Api.as("requester")
                .body("{\"itemId\": \"" + item + "\", \"fields\": {\"model\": \"13-inch\", \"quantity\": 1}}")
                .post("/api/v1/requests").then().statusCode(201).body("state", equalTo("AWAITING_APPROVAL"))
                .body("approver", equalTo("agent")).extract().path("id");
        Api.as("requester").post("/api/v1/requests/{id}/approve", request).then().statusCode(403);
        Api.as("agent").post("/api/v1/requests/{id}/approve", request).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        // approval opened a task for the item's fulfilment group; the agent adds one more and completes both
        Api.as("agent").body("{\"title\": \"Ship the laptop\"}").post("/api/v1/requests/{id}/tasks", request)
                .then().statusCode(201);
        List<String> tasks = Api.as("agent").get("/api/v1/requests/{id}/tasks", request).then().statusCode(200)
                .body("size()", equalTo(2)).extract().path("id");
        for (String task : tasks) {
            Api.as("agent").post("/api/v1/requests/{id}/tasks/{task}/start", request, task).then().statusCode(200);
            Api.as("agent").body("{\"notes\": \"done\"}")
                    .post("/api/v1/requests/{id}/tasks/{task}/complete", request, task).then().statusCode(200);
        }
        Api.as("requester").get("/api/v1/requests/{id}", request).then().statusCode(200)
                .body("state", equalTo("FULFILLED")).body("fulfilledAt", notNullValue());
        Api.as("requester2").get("/api/v1/requests/{id}", request).then().statusCode(404);
    }

    @Test
    void anSlaBreachIsEventedToTheStreamAndCounted() throws Exception {
        Api.Service service = Api.liveService("Trading " + UUID.randomUUID(), """
                [{"priority": "P1", "responseMinutes": 1, "resolutionMinutes": 2},
                 {"priority": "P2", "responseMinutes": 1, "resolutionMinutes": 2},
                 {"priority": "P3", "responseMinutes": 1, "resolutionMinutes": 2},
                 {"priority": "P4", "responseMinutes": 1, "resolutionMinutes": 2},
                 {"priority": "P5", "responseMinutes": 1, "resolutionMinutes": 2}]""");
        try (EventStream stream = EventStream.open("agent")) {
            String incident = raiseIncident("agent", "Trading screen frozen", service.id(), service.offeringId(), "trading");
            String number = Api.as("agent").get("/api/v1/incidents/{id}", incident).then()
                    .body("sla.response.targetMinutes", equalTo(1)).extract().path("number");
            stream.await(event -> event.type().equals("itsm.incident.sla-at-risk.v1") && event.data().contains(number),
                    Duration.ofSeconds(75));
            stream.await(event -> event.type().equals("itsm.incident.sla-breached.v1") && event.data().contains(number),
                    Duration.ofSeconds(30));
        }
        Api.as("agent").get("/api/v1/incidents?breached=true&serviceId=" + service.id()).then().statusCode(200)
                .body("total", equalTo(1));
        Api.as("agent").get("/api/v1/incidents/summary").then().statusCode(200)
                .body("breachedOpen", greaterThanOrEqualTo(1));
    }

    /** Raised once incident-service has heard of the service from the catalog (until then it is refused as unknown). */
    private static String raiseIncident(String user, String description, String serviceId, String offeringId,
            String category) {
        String body = """
                {"shortDescription": "%s", "impact": 2, "urgency": 2, "serviceId": "%s", %s "category": "%s"}"""
                .formatted(description, serviceId, offeringId == null ? "" : "\"offeringId\": \"" + offeringId + "\",",
                        category);
        String[] id = new String[1];
        await().atMost(FLOW).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = Api.as(user).body(body).post("/api/v1/incidents");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }
}
