package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Per-route metrics on /q/metrics: counts and latency histograms by route, method and status; rate-limited count. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class MetricsTest {

    @Test
    void countsRequestsByRouteMethodAndStatusWithALatencyHistogram() {
        String token = TestTokens.bearer("measured-agent", "itsm-agent");
        given().header("Authorization", token).when().get("/api/v1/known-errors/" + UUID.randomUUID()).then().statusCode(200);
        given().when().get("/api/v1/changes/1").then().statusCode(401);
        given().header("Authorization", token).when().get("/api/v1/nowhere/" + UUID.randomUUID()).then().statusCode(404);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("itsm_gateway_requests_seconds_count{method=\"GET\",route=\"problem\",status=\"200\"}"))
                .body(containsString("itsm_gateway_requests_seconds_bucket{method=\"GET\",route=\"problem\",status=\"200\",le=\"0.025\"}"))
                .body(containsString("itsm_gateway_requests_seconds_count{method=\"GET\",route=\"change\",status=\"401\"}"))
                .body(containsString("itsm_gateway_requests_seconds_count{method=\"GET\",route=\"unrouted\",status=\"404\"}"))
                // Paths never become labels: one series per record would follow.
                .body(not(containsString("known-errors/")));
    }

    @Test
    void countsRateLimitedRequests() {
        String writer = TestTokens.bearer("metered-writer-" + UUID.randomUUID(), "itsm-agent");
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", writer).contentType("application/json").body("{}")
                    .when().post("/api/v1/requests");
        }
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("itsm_gateway_rate_limited_total{kind=\"writes\"}"))
                .body(containsString("itsm_gateway_requests_seconds_count{method=\"POST\",route=\"catalog\",status=\"429\"}"));
    }
}
