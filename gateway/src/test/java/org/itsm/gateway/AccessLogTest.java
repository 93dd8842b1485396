package org.itsm.gateway;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The test profile writes the access log to target/access.log. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class AccessLogTest {

    @Test
    void logsTheRequestIdOfEachRequest() throws Exception {
        given().header("Authorization", TestTokens.bearer("logged-agent", "itsm-agent"))
                .header("X-Request-Id", "access-log-check-42")
                .when().get("/api/v1/problems/5")
                .then().statusCode(200);

        Path log = Path.of("target", "access.log");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!contains(log, "\"GET /api/v1/problems/5 HTTP/1.1\" 200")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No access-log line for the request in " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
        if (!contains(log, "request-id=access-log-check-42")) {
            throw new AssertionError("The access-log line lacks the request id");
        }
    }

    private static boolean contains(Path log, String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }
}
