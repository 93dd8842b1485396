package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Keycloak unreachable: tokens cannot be verified, which is a 503 rather than the caller's fault. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/itsm");
        }
    }

    @Test
    void answers503ForATokenThatCannotBeVerified() {
        given().header("Authorization", TestTokens.bearer("alice", "itsm-agent"))
                .when().get("/api/v1/incidents")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/service-unavailable"))
                .body("detail", is("The identity provider is unavailable, so the bearer token cannot be verified now"));
    }

    @Test
    void stillAnswers401WithoutToken() {
        given().when().get("/api/v1/incidents")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
