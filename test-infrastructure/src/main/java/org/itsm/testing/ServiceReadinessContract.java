package org.itsm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What every ITSM service must show once started on the real infrastructure: readiness UP with its database
 * check, liveness, Prometheus metrics and an OpenAPI document declaring the Keycloak security scheme.
 * A service's test class implements it and carries the {@code @QuarkusTest} and test-resource annotations.
 */
public interface ServiceReadinessContract {

    @Test
    default void readyWithDatabaseAndMessaging() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Reactive PostgreSQL")));
    }

    @Test
    default void liveMetricsAndApiDocumentPublished() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"));
    }

    /** Clients (and the end-to-end security matrix) read from the document which roles each operation admits. */
    @Test
    default void everyApiOperationDocumentsItsRoles() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/") && operation instanceof Map<?, ?> details
                    && !(details.get("security") instanceof List<?> requirements
                            && requirements.stream().anyMatch(requirement -> requirement instanceof Map<?, ?> schemes
                                    && schemes.values().stream().anyMatch(roles -> roles instanceof List<?> list
                                            && !list.isEmpty())))) {
                undocumented.add(method.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), undocumented, "operations whose OpenAPI security requirement names no role");
    }
}
