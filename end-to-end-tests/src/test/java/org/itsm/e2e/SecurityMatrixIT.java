package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.itsm.devstack.KeycloakLauncher;
import org.itsm.e2e.OpenApiOperations.Operation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service, read from the OpenAPI documents at run time (so a new endpoint is covered
 * without touching this test), called through the gateway with real Keycloak tokens: 401 without a token, 403 for
 * each role the operation does not admit. Plus the tokens the gateway must refuse.
 */
@ExtendWith(PlatformExtension.class)
class SecurityMatrixIT {

    /** A demo user holding exactly each realm role. */
    private static final Map<String, String> USER_WITH_ROLE = new LinkedHashMap<>();

    static {
        USER_WITH_ROLE.put("itsm-requester", "requester");
        USER_WITH_ROLE.put("itsm-agent", "agent");
        USER_WITH_ROLE.put("itsm-problem-manager", "problem-manager");
        USER_WITH_ROLE.put("itsm-change-manager", "change-manager");
        USER_WITH_ROLE.put("itsm-cab-member", "cab1");
        USER_WITH_ROLE.put("itsm-catalog-manager", "catalog-manager");
        USER_WITH_ROLE.put("itsm-admin", "admin");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesMissingTokensAndWrongRoles() {
        List<Operation> operations = OpenApiOperations.all();
        int calls = 0;
        for (Operation operation : operations) {
            calls += 1 + (int) USER_WITH_ROLE.keySet().stream().filter(role -> !operation.roles().contains(role)).count();
        }
        System.out.printf("[SecurityMatrixIT] %d operations in 4 services, %d calls (no token + each refused role)%n",
                operations.size(), calls);
        assertTrue(operations.size() >= 40, "the documents list the services' operations: " + operations.size());
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
            assertFalse(operation.roles().isEmpty(), operation + " declares no roles in its OpenAPI document");
            given().contentType("application/json").body("{}").request(operation.method(), operation.url())
                    .then().statusCode(401).contentType("application/problem+json");
            USER_WITH_ROLE.forEach((role, user) -> {
                if (!operation.roles().contains(role)) {
                    given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body("{}")
                            .request(operation.method(), operation.url())
                            .then().statusCode(403).contentType("application/problem+json");
                }
            });
        }));
    }

    @Test
    void aRequesterCannotSeeAnotherRequestersIncident() {
        String id = given().header("Authorization", Tokens.bearer("requester")).contentType("application/json")
                .body("{\"shortDescription\": \"Mine only\", \"impact\": 3, \"urgency\": 3}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("requester2"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("requester2"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents?size=100")
                .then().statusCode(200).body("items.findAll { it.caller != 'requester2' }.size()", equalTo(0));
    }

    @Test
    void tokensOfAnotherRealmAreRefused() {
        String masterToken = Tokens.fetch("master", "admin-cli", KeycloakLauncher.ADMIN_USERNAME,
                KeycloakLauncher.ADMIN_PASSWORD);
        given().header("Authorization", masterToken).get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tamperedTokensAreRefused() {
        String[] parts = Tokens.bearer("requester").substring("Bearer ".length()).split("\\.");
        // the requester promotes themself to admin: same signature, changed claims
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("itsm-requester", "itsm-admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt").get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokensAreRefused() throws InterruptedException {
        String token = KeycloakAdmin.shortLivedToken("agent", 5);
        given().header("Authorization", token).get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(200);
        Thread.sleep(6_000);
        given().header("Authorization", token).get(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
