package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail on the whole platform: notification-service looks recipients up in the real Keycloak (the itsm-notification
 * service account's admin API: users, a group's members, a role's users), writes in their language and sends through
 * the development mail server, GreenMail, whose HTTP API shows each demo user's mailbox.
 */
@ExtendWith(PlatformExtension.class)
class NotificationMailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRaisedIncidentMailsTheRequesterInKoreanAndTheAssignmentMailsTheAssigneeInEnglish() {
        String id = given().header("Authorization", Tokens.bearer("requester")).contentType("application/json")
                .body("{\"shortDescription\": \"Mail check\", \"impact\": 2, \"urgency\": 2}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        String number = given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id).then().extract().path("number");

        // requester's locale in the realm is ko; the address comes from Keycloak, not from the event
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/requester/messages/")
                .then().statusCode(200)
                .body("subject", hasItem("[" + number + "] 인시던트가 접수되었습니다: Mail check")));
        // the delivery is marked sent just after the mail server accepted it
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/notifications?record=" + number)
                .then().statusCode(200)
                .body("[0].email", equalTo("requester@itsm.example.org"))
                .body("[0].language", equalTo("ko"))
                .body("[0].status", equalTo("SENT")));

        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"assignee\": \"change-manager\", \"assignmentGroup\": \"service-desk\"}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id + "/assign")
                .then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/change-manager/messages/")
                .then().statusCode(200)
                .body("subject", hasItem("[" + number + "] Assigned to you: Mail check")));
        // the group's members from Keycloak (realm group service-desk: agent, implementer), both in Korean
        for (String member : List.of("agent", "implementer")) {
            await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                    .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/" + member + "/messages/")
                    .then().statusCode(200)
                    .body("subject", hasItem("[" + number + "] service-desk 그룹에 배정되었습니다: Mail check")));
        }
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/notifications?record=" + number)
                .then().statusCode(200)
                .body("kind", containsInAnyOrder("INCIDENT_CREATED", "INCIDENT_ASSIGNED", "INCIDENT_GROUP_ASSIGNED",
                        "INCIDENT_GROUP_ASSIGNED", "INCIDENT_GROUP_ASSIGNED"))
                .body("recipient", hasItem("group:service-desk")));
    }

    @Test
    void aChangeAwaitingTheCabMailsItsMembersInTheirLanguagesAndItsApprovalMailsTheRequester() {
        Api.Service service = Api.liveService("Mail relay " + UUID.randomUUID(), "[]");
        Changes.Change change = Changes.raise("requester", Changes.normalChangeJson("Mail relay upgrade",
                service.id(), ""));
        Api.as("requester").post("/api/v1/changes/{id}/submit", change.id()).then().statusCode(200);
        Api.as("change-manager").body(Changes.MEDIUM_RISK).post("/api/v1/changes/{id}/assess", change.id()).then()
                .statusCode(200).body("approval.route", equalTo("CAB"));

        // the users holding itsm-cab-member in Keycloak: cab1 reads Korean, cab2 English
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/cab1/messages/").then().statusCode(200)
                .body("subject", hasItem("[" + change.number() + "] CAB 투표가 필요합니다: Mail relay upgrade")));
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/cab2/messages/").then().statusCode(200)
                .body("subject", hasItem("[" + change.number() + "] Your CAB vote is needed: Mail relay upgrade")));

        for (String member : List.of("cab1", "cab2")) {
            Api.as(member).body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", change.id())
                    .then().statusCode(201);
        }
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/requester/messages/").then()
                .statusCode(200)
                .body("subject", hasItem("[" + change.number() + "] 승인되었습니다: Mail relay upgrade")));
    }
}
