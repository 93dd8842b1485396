package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail on the whole platform: notification-service looks recipients up in the real Keycloak (the itsm-notification
 * service account's admin API), writes in their language and sends through the development mail server, GreenMail,
 * whose HTTP API shows each demo user's mailbox.
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
        List<String> kinds = given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/notifications?record=" + number)
                .then().extract().path("kind");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("INCIDENT_CREATED", "INCIDENT_ASSIGNED"), kinds);
    }
}
