package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test profile allows 5 writes per minute and caller. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class RateLimitTest {

    @Test
    void throttlesACallersWritesBeyondTheLimit() {
        String writer = TestTokens.bearer("busy-writer", "itsm-agent");
        for (int remaining = 4; remaining >= 0; remaining--) {
            given().header("Authorization", writer).contentType("application/json").body("{}")
                    .when().post("/api/v1/incidents")
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit", "5")
                    .header("X-RateLimit-Remaining", String.valueOf(remaining));
        }

        String retryAfter = given().header("Authorization", writer).contentType("application/json").body("{}")
                .when().post("/api/v1/incidents")
                .then().statusCode(429)
                .header("X-RateLimit-Limit", "5")
                .header("X-RateLimit-Remaining", "0")
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/rate-limited"))
                .body("status", is(429))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        if (seconds < 1 || seconds > 12) {
            throw new AssertionError("Retry-After " + retryAfter + " is not the time one token takes (12 s)");
        }

        // Reads have their own bucket, and other callers their own limits.
        given().header("Authorization", writer).when().get("/api/v1/incidents").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("calm-writer", "itsm-agent"))
                .contentType("application/json").body("{}")
                .when().post("/api/v1/incidents")
                .then().statusCode(200);
    }
}
