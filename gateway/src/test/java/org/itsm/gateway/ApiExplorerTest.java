package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
class ApiExplorerTest {

    @ParameterizedTest
    @ValueSource(strings = { "incident", "change", "problem", "catalog" })
    void servesEachServicesOpenApiDocumentWithoutToken(String service) {
        given().when().get("/openapi/" + service + "?format=json")
                .then().statusCode(200)
                .body("upstream", is(service))
                .body("uri", is("/q/openapi?format=json"));
    }

    @Test
    void listsTheServiceDocumentsInSwaggerUi() {
        given().when().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .body(containsString("/openapi/incident"))
                .body(containsString("/openapi/change"))
                .body(containsString("/openapi/problem"))
                .body(containsString("/openapi/catalog"));
    }

    @Test
    void reportsUpstreamsInReadinessWithoutFailingIt() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.informational", is(true))
                .body("checks.find { it.name == 'upstreams' }.data.incident-service", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.catalog-service", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.offline-service", startsWith("DOWN"));
    }
}
