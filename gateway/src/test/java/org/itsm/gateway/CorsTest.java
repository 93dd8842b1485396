package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class CorsTest {

    private static final String CONSOLE = "http://localhost:5173";

    @Test
    void answersAPreflightFromTheConsoleWithoutToken() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/v1/incidents")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void letsTheConsoleResumeTheStreamAndSendItsTraceContext() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,last-event-id,traceparent")
                .when().options("/api/v1/stream")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Allow-Headers", containsString("Last-Event-ID"))
                .header("Access-Control-Allow-Headers", containsString("traceparent"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/v1/incidents")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void exposesTheApiHeadersToTheConsole() {
        given().header("Origin", CONSOLE).header("Authorization", TestTokens.bearer("cors-agent", "itsm-agent"))
                .when().get("/api/v1/incidents")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .body("upstream", is("incident"));
    }
}
