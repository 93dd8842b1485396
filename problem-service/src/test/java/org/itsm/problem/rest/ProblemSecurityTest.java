package org.itsm.problem.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.itsm.problem.ProblemTestSupport.as;
import static org.itsm.problem.ProblemTestSupport.createProblem;

import java.util.List;

import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix of every endpoint: no token is 401, a role without access is 403, an allowed role gets past
 * security. Problem managers and admins manage; agents read, search known errors, propose problems and link
 * incidents; requesters have no access.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "problem"))
class ProblemSecurityTest {

    private static final List<String> MANAGERS = List.of(Roles.PROBLEM_MANAGER, Roles.ADMIN);
    private static final List<String> READERS = List.of(Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT);

    private record Endpoint(String method, String path, String body, List<String> allowed) {
    }

    private static List<Endpoint> endpoints(String id) {
        String problem = "/api/v1/problems/" + id;
        return List.of(
                new Endpoint("POST", "/api/v1/problems", "{\"statement\": \"t\", \"impact\": 2, \"urgency\": 2}", READERS),
                new Endpoint("GET", "/api/v1/problems", null, READERS),
                new Endpoint("GET", "/api/v1/problems/summary", null, READERS),
                new Endpoint("GET", problem, null, READERS),
                new Endpoint("PATCH", problem, "{\"description\": \"d\"}", MANAGERS),
                new Endpoint("GET", problem + "/next-states", null, READERS),
                new Endpoint("POST", problem + "/assess", null, MANAGERS),
                new Endpoint("POST", problem + "/analyse", null, MANAGERS),
                new Endpoint("POST", problem + "/start-fix", null, MANAGERS),
                new Endpoint("POST", problem + "/reanalyse", null, MANAGERS),
                new Endpoint("POST", problem + "/resolve", "{\"resolutionCode\": \"DUPLICATE\"}", MANAGERS),
                new Endpoint("POST", problem + "/close", null, MANAGERS),
                new Endpoint("POST", problem + "/cancel", "{\"reason\": \"r\"}", MANAGERS),
                new Endpoint("GET", problem + "/incidents", null, READERS),
                new Endpoint("POST", problem + "/incidents", "{\"incidentNumber\": \"INC0000001\"}", READERS),
                new Endpoint("DELETE", problem + "/incidents/INC0000001", null, MANAGERS),
                new Endpoint("POST", problem + "/fix-change", "{\"changeNumber\": \"CHG0000001\"}", MANAGERS),
                new Endpoint("POST", problem + "/known-error", "{\"symptom\": \"s\", \"workaround\": \"w\"}", MANAGERS),
                new Endpoint("GET", problem + "/known-error", null, READERS),
                new Endpoint("GET", problem + "/history", null, READERS),
                new Endpoint("GET", "/api/v1/known-errors", null, READERS));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        for (Endpoint endpoint : endpoints(createProblem("Security 401"))) {
            call(given().contentType(ContentType.JSON), endpoint).then()
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aGarbageTokenIs401() {
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/problems").then().statusCode(401);
    }

    @Test
    void rolesWithoutAccessGet403OnEveryEndpoint() {
        for (Endpoint endpoint : endpoints(createProblem("Security 403"))) {
            for (String role : List.of(Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CATALOG_MANAGER)) {
                if (endpoint.allowed().contains(role)) {
                    continue;
                }
                call(as("someone", role), endpoint).then()
                        .statusCode(403).contentType("application/problem+json");
            }
        }
    }

    @Test
    void allowedRolesGetPastSecurityOnEveryEndpoint() {
        for (String role : READERS) {
            for (Endpoint endpoint : endpoints(createProblem("Security allowed " + role))) {
                if (!endpoint.allowed().contains(role)) {
                    continue;
                }
                // the request may be refused on its merits (e.g. 409 for a move), never for the role
                call(as("someone", role), endpoint).then()
                        .statusCode(not(equalTo(401))).statusCode(not(equalTo(403)));
            }
        }
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
