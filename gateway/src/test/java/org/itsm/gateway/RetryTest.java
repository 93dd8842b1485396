package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code flaky} hangs up on the first try of each request: a safe request is sent again, any other is not. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class RetryTest {

    private static final String TOKEN = TestTokens.bearer("retry-agent", "itsm-agent");

    @Test
    void sendsAGetOnceMoreWhenTheConnectionFails() {
        String requestId = "retry-get-" + UUID.randomUUID();
        given().header("Authorization", TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/flaky/incidents/1")
                .then().statusCode(200)
                .body("method", is("GET"))
                .body("attempt", is(2));
        assertAttempts(requestId, 2);
    }

    @Test
    void sendsAHeadOnceMoreWhenTheConnectionFails() {
        String requestId = "retry-head-" + UUID.randomUUID();
        given().header("Authorization", TOKEN).header("X-Request-Id", requestId)
                .when().head("/api/v1/flaky/incidents/1")
                .then().statusCode(200);
        assertAttempts(requestId, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void neverSendsAnUnsafeRequestTwice(String method) {
        String requestId = "no-retry-" + method + "-" + UUID.randomUUID();
        given().header("Authorization", TOKEN).header("X-Request-Id", requestId)
                .contentType("application/json").body("{\"shortDescription\":\"printer on fire\"}")
                .when().request(method, "/api/v1/flaky/incidents/1")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", is("flaky-service failed to answer"));
        assertAttempts(requestId, 1);
    }

    private static void assertAttempts(String requestId, int attempts) {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/flaky/attempts?id=" + requestId)
                .then().statusCode(200)
                .body("attempts", is(attempts));
    }
}
