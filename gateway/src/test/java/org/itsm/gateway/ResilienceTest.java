package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code offline} has nothing listening; {@code slow} answers after 3 s, beyond its 1 s timeout. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class ResilienceTest {

    private static final String TOKEN = TestTokens.bearer("resilience-agent", "itsm-agent");

    @Test
    void answers503ForAServiceThatIsDownWhileTheOthersKeepWorking() {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/offline/1")
                .then().statusCode(503)
                .time(lessThan(2_000L))
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/service-unavailable"))
                .body("title", is("Service unavailable"))
                .body("status", is(503))
                .body("detail", is("offline-service is unavailable"));

        given().header("Authorization", TOKEN)
                .when().get("/api/v1/incidents")
                .then().statusCode(200).body("upstream", is("incident"));
    }

    @Test
    void answers504WhenAServiceDoesNotAnswerInTime() {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/slow/report")
                .then().statusCode(504)
                .time(lessThan(2_500L))
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/gateway-timeout"))
                .body("detail", is("slow-service did not answer within 1000 ms"));
    }

    @Test
    void answers502WhenAServiceBreaksOffTheExchange() {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/changes/hang-up")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/bad-gateway"))
                .body("detail", is("change-service failed to answer"));
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/changes/1")
                .then().statusCode(200).body("upstream", is("change"));
    }

    @Test
    void opensTheCircuitOfAServiceThatKeepsFailing() {
        // The test profile opens a circuit after 4 calls of which at least half failed.
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", TOKEN).when().post("/api/v1/offline/jobs").then().statusCode(503);
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.offline-service", startsWith("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.offline-service", endsWith("(circuit OPEN)"));
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/offline/1")
                .then().statusCode(503).body("detail", is("offline-service is unavailable"));
    }
}
