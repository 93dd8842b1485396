package org.itsm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
}
