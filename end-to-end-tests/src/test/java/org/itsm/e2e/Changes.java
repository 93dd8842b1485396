package org.itsm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Change requests driven through the gateway as the demo users would. */
final class Changes {

    static final String LOW_RISK = """
            {"impact": "LOW", "complexity": "LOW", "backoutDifficulty": "LOW", "testing": "FULL"}""";
    static final String MEDIUM_RISK = """
            {"impact": "MEDIUM", "complexity": "MEDIUM", "backoutDifficulty": "MEDIUM", "testing": "FULL"}""";

    record Change(String id, String number) {
    }

    private Changes() {
    }

    /** A normal change on one service, planned days ahead so windows of different tests never meet. */
    static String normalChangeJson(String title, String serviceId, String extraFields) {
        Instant start = Instant.now().plus(2 + (long) (Math.random() * 300), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return """
                {"type": "NORMAL", "title": "%s", "justification": "end-to-end test", "affectedServiceIds": ["%s"],
                 "plannedStart": "%s", "plannedEnd": "%s", "implementationPlan": "Deploy the release",
                 "backoutPlan": "Redeploy the previous release", "testPlan": "Smoke tests"%s}"""
                .formatted(title, serviceId, start, start.plus(1, ChronoUnit.HOURS),
                        extraFields.isEmpty() ? "" : ", " + extraFields);
    }

    /** Raised by {@code raiser}; retried while change-service has not yet heard of the new service from the catalog. */
    static Change raise(String raiser, String body) {
        String[] created = new String[2];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = Api.as(raiser).body(body).post("/api/v1/changes");
            if (response.statusCode() == 201) {
                created[0] = response.path("id");
                created[1] = response.path("number");
                return true;
            }
            return false;
        });
        return new Change(created[0], created[1]);
    }

    /** Submitted, assessed low risk and approved by the change manager, then scheduled. */
    static void approveLowRiskAndSchedule(String raiser, Change change) {
        Api.as(raiser).post("/api/v1/changes/{id}/submit", change.id()).then().statusCode(200);
        Api.as("change-manager").body(LOW_RISK).post("/api/v1/changes/{id}/assess", change.id()).then().statusCode(200)
                .body("approval.route", equalTo("CHANGE_MANAGER"));
        Api.as("change-manager").body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/changes/{id}/approvals", change.id()).then().statusCode(201);
        Api.as("change-manager").post("/api/v1/changes/{id}/schedule", change.id()).then().statusCode(200)
                .body("state", equalTo("SCHEDULED"));
    }

    /**
     * Starting a change before its window needs a recorded reason; the tests plan windows days ahead so that they
     * never meet, and implement them at once.
     */
    static final String EARLY = "{\"outsideWindowReason\": \"end-to-end test: implemented ahead of its window\"}";

    /** Implemented by the change manager (ahead of its window, with the reason) and closed successful. */
    static void implementSuccessfully(Change change) {
        Api.as("change-manager").body(EARLY).post("/api/v1/changes/{id}/implement", change.id()).then().statusCode(200)
                .body("state", equalTo("IMPLEMENT"));
        Api.as("change-manager").body("{\"outcome\": \"SUCCESSFUL\", \"outcomeNotes\": \"done\"}")
                .post("/api/v1/changes/{id}/close", change.id()).then().statusCode(200).body("state", equalTo("CLOSED"));
    }
}
