package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class SecurityTest {

    @Test
    void refusesARequestWithoutToken() {
        given().when().get("/api/v1/incidents")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", notNullValue())
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/unauthorized"))
                .body("title", is("Unauthorized"))
                .body("status", is(401))
                .body("detail", is("A bearer token is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tampered", "expired", "other-issuer", "opaque" })
    void refusesAnInvalidToken(String kind) {
        String token = switch (kind) {
            case "tampered" -> tampered(TestTokens.token("mallory", TestTokens.ISSUER, Duration.ofMinutes(5), "itsm-admin"));
            case "expired" -> TestTokens.token("alice", TestTokens.ISSUER, Duration.ofMinutes(-10), "itsm-agent");
            case "other-issuer" -> TestTokens.token("alice", "https://elsewhere.test/realms/itsm", Duration.ofMinutes(5),
                    "itsm-agent");
            default -> "not-a-jwt";
        };
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/changes")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .contentType("application/problem+json")
                .body("status", is(401))
                .body("detail", is("The bearer token is invalid, expired or not issued for this API"));
    }

    @Test
    void leavesHealthAndApiDocumentsPublic() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/openapi/incident").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void setsSecurityHeadersOnEveryAnswer() {
        for (Response response : new Response[] {
                given().header("Authorization", TestTokens.bearer("alice", "itsm-agent")).when().get("/api/v1/incidents"),
                given().when().get("/api/v1/incidents"),
                given().when().get("/q/health/ready") }) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", startsWith("max-age="));
        }
    }

    // Swaps the payload for one claiming other roles; the signature no longer matches.
    private static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String forged = TestTokens.token("mallory", TestTokens.ISSUER, Duration.ofMinutes(5), "itsm-admin", "itsm-cab-member")
                .split("\\.")[1];
        return parts[0] + "." + forged + "." + parts[2];
    }
}
