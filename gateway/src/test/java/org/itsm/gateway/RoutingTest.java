package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URL;
import java.util.Random;

import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class RoutingTest {

    private static final String TOKEN = TestTokens.bearer("routing-agent", "itsm-agent");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource
    URL gateway;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/incidents, incident",
            "/api/v1/incidents/42/resolve, incident",
            "/api/v1/response-templates/5, incident",
            "/api/v1/saved-views, incident",
            "/api/v1/changes/7/approvals, change",
            "/api/v1/problems, problem",
            "/api/v1/known-errors/3, problem",
            "/api/v1/catalog/services, catalog",
            "/api/v1/requests/9, catalog",
            "/api/v1/tasks, catalog" })
    void routesEachPrefixToItsServiceWithPathAndQueryUnchanged(String path, String upstream) {
        given().header("Authorization", TOKEN)
                .when().get(path + "?page=2&sort=-updatedAt")
                .then().statusCode(200)
                .body("upstream", is(upstream))
                .body("method", is("GET"))
                .body("uri", is(path + "?page=2&sort=-updatedAt"));
    }

    @Test
    void relaysAuthorizationAndRequestIdAndEchoesTheId() {
        given().header("Authorization", TOKEN).header("X-Request-Id", "req-123.abc")
                .when().get("/api/v1/incidents")
                .then().statusCode(200)
                .header("X-Request-Id", "req-123.abc")
                .body("headers.authorization", is(TOKEN))
                .body("headers.x-request-id", is("req-123.abc"));
    }

    @Test
    void generatesARequestIdWhenMissingOrUnsafe() {
        Response response = given().header("Authorization", TOKEN)
                .when().get("/api/v1/changes");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        response.then().body("headers.x-request-id", is(response.header("X-Request-Id")));

        given().header("Authorization", TOKEN).header("X-Request-Id", "two words\u0001")
                .when().get("/api/v1/changes")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void keepsTheCallersHostAndAddsForwardingHeaders() {
        given().header("Authorization", TOKEN)
                .when().get("/api/v1/problems")
                .then().statusCode(200)
                .body("headers.host", is(gateway.getHost() + ":" + gateway.getPort()))
                .body("headers.x-forwarded-proto", is("http"))
                .body("headers.x-forwarded-for", is("127.0.0.1"));
    }

    @Test
    void streamsARequestBodyUpstreamUnchanged() {
        byte[] body = new byte[512 * 1024];
        new Random(7).nextBytes(body);
        given().header("Authorization", TOKEN).contentType("application/octet-stream").body(body)
                .when().post("/api/v1/catalog/items")
                .then().statusCode(200)
                .body("method", is("POST"))
                .body("bodyLength", is(body.length))
                .body("bodySha256", is(UpstreamsTestResource.sha256(body)));
    }

    @Test
    void answersUnknownApiPathsWithProblemDetails() {
        for (String path : new String[] { "/api/v2/incidents", "/api/v1/incidentsx", "/api/v1/unknown/1" }) {
            given().header("Authorization", TOKEN)
                    .when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("https://itsm.dev/problems/not-found"))
                    .body("title", is("Not found"))
                    .body("status", is(404))
                    .body("detail", is("No API route matches " + path))
                    .body("instance", is(path));
        }
    }
}
