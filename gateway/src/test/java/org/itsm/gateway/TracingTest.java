package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** W3C trace context: the services receive a traceparent, continuing the caller's trace when it sent one. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class TracingTest {

    private static final String TOKEN = TestTokens.bearer("traced-agent", "itsm-agent");
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    @Test
    void startsATraceAndPassesItUpstream() {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern(TRACEPARENT));
    }

    @Test
    void continuesTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("Authorization", TOKEN)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/changes/7")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern(TRACEPARENT))
                .body("headers.traceparent", startsWith("00-" + traceId + "-"));
    }

    @Test
    void writesTheTraceIdInTheAccessLog() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        given().header("Authorization", TOKEN)
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .when().get("/api/v1/problems/traced")
                .then().statusCode(200);

        Path log = Path.of("target", "access.log");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("trace-id=" + traceId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No access-log line with trace-id=" + traceId + " in " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
    }
}
