package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole stack up: a real Keycloak token gets through the gateway to incident-service; no token is refused. */
@ExtendWith(PlatformExtension.class)
class PlatformSmokeIT {

    @Test
    void authenticatedCallThroughTheGatewayAnswers() {
        given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(200).body("page", equalTo(0));
    }

    @Test
    void requesterRaisesAnIncidentThroughTheGateway() {
        given().header("Authorization", Tokens.bearer("requester")).contentType("application/json")
                .body("{\"shortDescription\": \"Smoke test\", \"impact\": 2, \"urgency\": 1}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(201)
                .body("number", matchesPattern("INC\\d{7}"))
                .body("caller", equalTo("requester"))
                .body("priority", equalTo("P2"));
    }

    @Test
    void noTokenIsRefusedAtTheGateway() {
        given().get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
