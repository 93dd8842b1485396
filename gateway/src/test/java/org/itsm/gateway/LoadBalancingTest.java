package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Upstreams of several instances ({@link InstancesTestResource}): {@code pair} (two up), {@code half-down} (the first
 * instance has nothing listening, the second is up) and {@code all-down}.
 */
@QuarkusTest
@WithTestResource(InstancesTestResource.class)
class LoadBalancingTest {

    private static final String TOKEN = TestTokens.bearer("balanced-agent", "itsm-agent");

    @Test
    void spreadsTheRequestsOverTheInstancesInTurn() {
        Map<String, Integer> answeredBy = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            String upstream = given().header("Authorization", TOKEN)
                    .when().get("/api/v1/pair/records/" + i)
                    .then().statusCode(200)
                    .body("uri", is("/api/v1/pair/records/" + i))
                    .extract().path("upstream");
            answeredBy.merge(upstream, 1, Integer::sum);
        }
        assertEquals(Map.of("pair-1", 5, "pair-2", 5), answeredBy);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST", "PUT", "PATCH", "DELETE" })
    void sendsEveryRequestToTheInstanceThatIsUpWhenAnotherIsDown(String method) {
        // In turn, every other request first meets the instance with nothing listening: the connection is refused
        // before anything was sent, so whatever the method, it goes to the next instance.
        for (int i = 0; i < 6; i++) {
            String body = "{\"shortDescription\":\"printer on fire " + i + "\"}";
            var request = given().header("Authorization", TOKEN);
            if (!method.equals("GET")) {
                request.contentType("application/json").body(body);
            }
            request.when().request(method, "/api/v1/half-down/records")
                    .then().statusCode(200)
                    .body("upstream", is("half-down-live"))
                    .body("method", is(method))
                    .body("bodySha256", is(UpstreamsTestResource.sha256(
                            method.equals("GET") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void answers503WhenNoInstanceIsUp() {
        for (String method : new String[] { "GET", "POST" }) {
            given().header("Authorization", TOKEN).contentType("application/json").body("{}")
                    .when().request(method, "/api/v1/all-down/records")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", is("https://itsm.dev/problems/service-unavailable"))
                    .body("status", is(503))
                    .body("detail", is("all-down-service is unavailable"));
        }
    }

    @Test
    void reportsAServiceUpWhileOneOfItsInstancesIs() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.pair-service", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.half-down-service",
                        matchesPattern("UP \\(1 of 2 instances; http://localhost:\\d+ DOWN: .+\\)"))
                .body("checks.find { it.name == 'upstreams' }.data.all-down-service",
                        matchesPattern("DOWN \\(0 of 2 instances; http://localhost:\\d+ DOWN: .+; http://localhost:\\d+ DOWN: .+\\).*"))
                .body("checks.find { it.name == 'upstreams' }.data.incident-service", is("UP"));

        given().header("Authorization", TOKEN).when().get("/api/v1/half-down/records").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("itsm_gateway_upstream_up{upstream=\"pair\"} 1.0"))
                .body(containsString("itsm_gateway_upstream_up{upstream=\"half-down\"} 1.0"))
                .body(containsString("itsm_gateway_upstream_instances{state=\"available\",upstream=\"pair\"} 2.0"));
    }
}
