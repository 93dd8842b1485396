package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Bodies up to 1 MB are streamed upstream; larger ones answer 413, whether announced by Content-Length or not. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class BodyLimitTest {

    private static final int LIMIT = 1024 * 1024;

    @TestHTTPResource
    URL gateway;

    @Test
    void refusesABodyAnnouncedLargerThanTheLimit() {
        given().header("Authorization", TestTokens.bearer("bulk-importer", "itsm-agent"))
                .contentType("application/json").body(new byte[LIMIT + 1])
                .when().post("/api/v1/changes")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://itsm.dev/problems/payload-too-large"))
                .body("status", is(413))
                .body("detail", is("The request body exceeds the limit of 1048576 bytes"));
    }

    @Test
    void cutsAChunkedBodyAtTheLimit() throws Exception {
        HttpResponse<String> response = postChunked("chunky-importer", LIMIT + 512 * 1024);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(413, new JsonObject(response.body()).getInteger("status"));
    }

    @Test
    void streamsAChunkedBodyWithinTheLimit() throws Exception {
        HttpResponse<String> response = postChunked("chunky-writer", LIMIT - 1);
        assertEquals(200, response.statusCode());
        JsonObject echo = new JsonObject(response.body());
        assertEquals(LIMIT - 1, echo.getInteger("bodyLength"));
        assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
    }

    // An input stream of unknown length makes the JDK client send the body chunked.
    private HttpResponse<String> postChunked(String user, int size) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/changes"))
                .header("Authorization", TestTokens.bearer(user, "itsm-change-manager"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
