package org.itsm.change.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.itsm.change.ChangeTestSupport.EARLY;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.MEDIUM_RISK;
import static org.itsm.change.ChangeTestSupport.as;
import static org.itsm.change.ChangeTestSupport.asCab;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.asRequester;
import static org.itsm.change.ChangeTestSupport.awaitingCab;
import static org.itsm.change.ChangeTestSupport.create;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.mailService;
import static org.itsm.change.ChangeTestSupport.normalChange;
import static org.itsm.change.ChangeTestSupport.vote;

import java.time.Instant;
import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The lifecycle through the API: approval routes, segregation of duties, reviews, standard and emergency changes. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class ChangeLifecycleFlowTest {

    private UUID mail;

    /** Not in @BeforeAll, where the HTTP port of the test application is not yet known. */
    @BeforeEach
    void catalog() {
        mail = mailService();
    }

    @Test
    void normalChangeGoesFromNewToClosedThroughCabVotes() {
        Instant start = freshDay().plusSeconds(3600);
        String id = create(asRequester("alice"), normalChange("Upgrade mail gateway", mail, start, 90));
        asRequester("alice").get("/api/v1/changes/{id}", id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("number", matchesPattern("CHG\\d{7}"))
                .body("state", equalTo("NEW"))
                .body("requester", equalTo("alice"))
                .body("catalogUpdate.version", equalTo("2.4"));
        asRequester("alice").body("{\"implementer\": \"alice\"}").patch("/api/v1/changes/{id}", id).then()
                .statusCode(403).body("detail", containsString("only change managers assign"));
        asManager().body("{\"implementer\": \"implementer\"}").patch("/api/v1/changes/{id}", id).then().statusCode(200);
        asRequester("alice").post("/api/v1/changes/{id}/submit", id).then().statusCode(200)
                .body("state", equalTo("ASSESS"));
        asManager().body(MEDIUM_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200)
                .body("state", equalTo("AUTHORIZE"))
                .body("risk.level", equalTo("MEDIUM"))
                .body("risk.reasons", hasItem(containsString("impact MEDIUM")))
                .body("approval.route", equalTo("CAB"))
                .body("approval.status", equalTo("PENDING"));

        // segregation of duties: the requester and the implementer cannot approve, even holding the CAB role
        as("alice", Roles.CAB_MEMBER).body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("segregation of duties"));
        as("implementer", Roles.CAB_MEMBER, Roles.AGENT).body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/changes/{id}/approvals", id).then().statusCode(403)
                .body("detail", containsString("implements this change"));
        // a change manager's vote does not count for a CAB route
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(403);

        vote(id, "cab1", "APPROVE", 201);
        asCab("cab1").body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                .statusCode(409).body("detail", containsString("already voted"));
        asManager().get("/api/v1/changes/{id}", id).then().body("approval.status", equalTo("PENDING"));
        vote(id, "cab2", "APPROVE", 201);
        asManager().get("/api/v1/changes/{id}/approvals", id).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("votes.voter", contains("cab1", "cab2"))
                .body("votes.capacity", contains("CAB_MEMBER", "CAB_MEMBER"));

        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200).body("state", equalTo("SCHEDULED"));
        // only the assigned implementer (or a change manager) starts it
        as("agent", Roles.AGENT).post("/api/v1/changes/{id}/implement", id).then().statusCode(403);
        as("implementer", Roles.AGENT).body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200)
                .body("state", equalTo("IMPLEMENT"));
        as("implementer", Roles.AGENT).body("{\"outcome\": \"SUCCESSFUL\", \"notes\": \"went well\"}")
                .post("/api/v1/changes/{id}/review", id).then().statusCode(200).body("state", equalTo("REVIEW"))
                .body("outcome", equalTo("SUCCESSFUL"));
        asManager().body("{}").post("/api/v1/changes/{id}/close", id).then().statusCode(400)
                .body("errors.field", hasItem("reviewNotes"));
        asManager().body("{\"reviewNotes\": \"No incidents after the change\"}").post("/api/v1/changes/{id}/close", id)
                .then().statusCode(200).body("state", equalTo("CLOSED")).body("closedAt", notNullValue());
        asRequester("alice").get("/api/v1/changes/{id}/history", id).then().statusCode(200)
                .body("to", hasItems("ASSESS", "AUTHORIZE", "SCHEDULED", "IMPLEMENT", "REVIEW", "CLOSED"));
    }

    @Test
    void lowRiskNeedsOneChangeManagerAndCabMembersDoNotCount() {
        String id = create(asRequester("bea"), normalChange("Small tweak", mail, freshDay(), 30));
        asRequester("bea").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200)
                .body("risk.level", equalTo("LOW")).body("approval.route", equalTo("CHANGE_MANAGER"));
        vote(id, "cab1", "APPROVE", 403);
        asManager().body("{\"decision\": \"APPROVE\", \"comment\": \"fine\"}").post("/api/v1/changes/{id}/approvals", id)
                .then().statusCode(201).body("capacity", equalTo("CHANGE_MANAGER"));
        asManager().get("/api/v1/changes/{id}", id).then().body("approval.status", equalTo("APPROVED"))
                .body("approval.approvedAt", notNullValue());
    }

    @Test
    void rejectionSendsTheChangeBackToNewAndANewRoundStartsOnResubmission() {
        String id = awaitingCab("carl", mail, freshDay());
        vote(id, "cab1", "APPROVE", 201);
        vote(id, "cab2", "REJECT", 201);
        asManager().get("/api/v1/changes/{id}", id).then().body("state", equalTo("NEW"))
                .body("approval.status", equalTo("REJECTED"));
        vote(id, "cab3", "APPROVE", 409);
        // back in New the type may change again
        asRequester("carl").body("{\"type\": \"EMERGENCY\"}").patch("/api/v1/changes/{id}", id).then().statusCode(200)
                .body("type", equalTo("EMERGENCY"));
        asRequester("carl").body("{\"type\": \"NORMAL\"}").patch("/api/v1/changes/{id}", id).then().statusCode(200);
        asRequester("carl").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(MEDIUM_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200)
                .body("approval.round", equalTo(2)).body("approval.status", equalTo("PENDING"));
        // cab1 voted in round 1 only: may vote again in round 2
        vote(id, "cab1", "APPROVE", 201);
    }

    @Test
    void plansAndAnswersAreRequiredBeforeAuthorize() {
        String body = """
                {"type": "NORMAL", "title": "No plans yet", "affectedServiceIds": ["%s"]}""".formatted(mail);
        String id = create(asRequester("dan"), body);
        asRequester("dan").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body("{}").post("/api/v1/changes/{id}/assess", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("implementationPlan", "backoutPlan", "testPlan", "plannedStart"));
        asManager().body("{\"impact\": \"LOW\"}").post("/api/v1/changes/{id}/assess", id).then().statusCode(400);
        asManager().get("/api/v1/changes/{id}", id).then().body("state", equalTo("ASSESS"));
    }

    @Test
    void illegalMovesAre409WithTheAllowedMovesAndTheTypeIsFixedAfterNew() {
        String id = create(asRequester("eve"), normalChange("Illegal", mail, freshDay(), 30));
        asManager().post("/api/v1/changes/{id}/implement", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("allowedMoves", contains("submit", "cancel"));
        asRequester("eve").get("/api/v1/changes/{id}/next-states", id).then().statusCode(200)
                .body("moves.action", contains("submit", "cancel"))
                .body("moves[0].target", equalTo("ASSESS"));
        asRequester("eve").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body("{\"type\": \"EMERGENCY\"}").patch("/api/v1/changes/{id}", id).then().statusCode(409)
                .body("detail", containsString("only while the change is New"));
        // after submission the requester no longer edits the plan
        asRequester("eve").body("{\"title\": \"Renamed\"}").patch("/api/v1/changes/{id}", id).then().statusCode(403);
    }

    @Test
    void emergencyChangeSkipsAssessNeedsEmergencyCabAndAReview() {
        String body = normalChange("Patch exploited hole", mail, freshDay(), 30).replace("\"NORMAL\"", "\"EMERGENCY\"");
        String id = create(asRequester("fay"), body);
        asRequester("fay").post("/api/v1/changes/{id}/submit", id).then().statusCode(200)
                .body("state", equalTo("AUTHORIZE"))
                .body("risk.level", equalTo("HIGH"))
                .body("approval.route", equalTo("EMERGENCY_CAB"));
        vote(id, "cab1", "APPROVE", 201);
        vote(id, "cab2", "APPROVE", 403);
        asManager().get("/api/v1/changes/{id}", id).then().body("approval.status", equalTo("PENDING"));
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then().statusCode(201);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
        asManager().body("{\"outcome\": \"SUCCESSFUL\"}").post("/api/v1/changes/{id}/close", id).then().statusCode(409)
                .body("allowedMoves", contains("review"));
        asManager().body("{\"outcome\": \"SUCCESSFUL\"}").post("/api/v1/changes/{id}/review", id).then()
                .statusCode(200).body("reviewRequired", equalTo(true));
        asManager().body("{\"reviewNotes\": \"Root cause of the emergency recorded\"}")
                .post("/api/v1/changes/{id}/close", id).then().statusCode(200).body("state", equalTo("CLOSED"));
    }

    @Test
    void failedChangeNeedsAReviewAndCountsAsAPastFailureInTheNextRisk() {
        UUID fragile = liveService("Fragile");
        String id = create(asRequester("gus"), normalChange("Risky", fragile, freshDay(), 30));
        asRequester("gus").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200);
        asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then().statusCode(201);
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
        asManager().body("{\"outcome\": \"BACKED_OUT\"}").post("/api/v1/changes/{id}/close", id).then().statusCode(409)
                .body("detail", containsString("review"));
        asManager().body("{\"outcome\": \"BACKED_OUT\", \"notes\": \"disk full\"}")
                .post("/api/v1/changes/{id}/review", id).then().statusCode(200);

        String next = create(asRequester("gus"), normalChange("Try again", fragile, freshDay(), 30));
        asRequester("gus").post("/api/v1/changes/{id}/submit", next).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", next).then().statusCode(200)
                .body("risk.score", equalTo(2))
                .body("risk.reasons", hasItem(containsString("1 past failed change")));
    }

    @Test
    void standardChangeFromTemplateIsPreApproved() {
        String template = asManager().body("""
                {"name": "Rotate TLS certificate %s", "implementationPlan": "Install the new certificate",
                 "backoutPlan": "Reinstall the old certificate", "testPlan": "Check the handshake"}"""
                .formatted(UUID.randomUUID())).post("/api/v1/changes/templates").then().statusCode(201)
                .extract().path("id");
        asRequester("hal").get("/api/v1/changes/templates").then().statusCode(200).body("id", hasItem(template));
        Instant start = freshDay();
        asRequester("hal").body("""
                {"type": "STANDARD", "title": "Certificate rotation", "affectedServiceIds": ["%s"],
                 "plannedStart": "%s", "plannedEnd": "%s"}""".formatted(mail, start, start.plusSeconds(1800)))
                .post("/api/v1/changes").then().statusCode(400).body("errors.field", hasItem("templateId"));
        String id = create(asRequester("hal"), """
                {"type": "STANDARD", "templateId": "%s", "title": "Certificate rotation", "affectedServiceIds": ["%s"],
                 "plannedStart": "%s", "plannedEnd": "%s"}""".formatted(template, mail, start, start.plusSeconds(1800)));
        asManager().get("/api/v1/changes/{id}", id).then().body("implementationPlan", equalTo("Install the new certificate"));
        asManager().post("/api/v1/changes/{id}/schedule", id).then().statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("approval.route", equalTo("PRE_APPROVED"))
                .body("approval.status", equalTo("APPROVED"));
        // once scheduled, only change managers cancel
        asRequester("hal").body("{\"reason\": \"changed my mind\"}").post("/api/v1/changes/{id}/cancel", id).then()
                .statusCode(403);
        asManager().body(EARLY).post("/api/v1/changes/{id}/implement", id).then().statusCode(200);
        asManager().body("{\"outcome\": \"SUCCESSFUL\"}").post("/api/v1/changes/{id}/close", id).then().statusCode(200)
                .body("state", equalTo("CLOSED"));
    }

    @Test
    void cancelNeedsAReasonAndIsFinal() {
        String id = create(asRequester("ida"), normalChange("Withdrawn", mail, freshDay(), 30));
        asRequester("ida").body("{}").post("/api/v1/changes/{id}/cancel", id).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asRequester("ida").body("{\"reason\": \"Not needed\"}").post("/api/v1/changes/{id}/cancel", id).then()
                .statusCode(200).body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("Not needed"));
        asRequester("ida").body("{\"reason\": \"again\"}").post("/api/v1/changes/{id}/cancel", id).then()
                .statusCode(409);
    }
}
