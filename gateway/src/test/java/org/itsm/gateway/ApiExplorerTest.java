package org.itsm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
                .body("info.title", is(service + "-service"))
                .body("info.x-request-uri", is("/q/openapi?format=json"));
    }

    @Test
    void mergesTheReachableServicesDocumentsIntoOne() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", is("ITSM platform API"))
                .body("info.description", containsString("unavailable now: flaky-service, offline-service, slow-service"))
                // The gateway's own operations (presence) come first.
                .body("paths.keySet()", containsInAnyOrder("/api/v1/presence/{recordType}/{recordNumber}",
                        "/api/v1/incident-records", "/api/v1/change-records", "/api/v1/problem-records",
                        "/api/v1/catalog-records", "/api/v1/notification-records"))
                .body("paths.'/api/v1/presence/{recordType}/{recordNumber}'.get.operationId", is("getPresence"))
                .body("paths.'/api/v1/presence/{recordType}/{recordNumber}'.put.responses.'200'.content."
                        + "'application/json'.schema.'$ref'", is("#/components/schemas/PresenceView"))
                // Identical schemas are kept once; differing ones of the same name are told apart by service.
                .body("components.schemas.keySet()", containsInAnyOrder("Problem", "Record", "Change_Record",
                        "Incident_Record", "Problem_Record", "Notification_Record", "PresenceHeartbeat", "PresenceView",
                        "PresentUser", "PresenceProblemDetail"))
                .body("components.schemas.Record.title", is("catalog record"))
                .body("components.schemas.Change_Record.title", is("change record"))
                .body("paths.'/api/v1/change-records'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/Change_Record"))
                .body("paths.'/api/v1/catalog-records'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/Record"));
    }

    @Test
    void listsTheServiceDocumentsInSwaggerUi() {
        given().when().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .body(containsString("{url: \"/openapi\", name: \"platform\"}"))
                .body(containsString("/openapi/incident"))
                .body(containsString("/openapi/change"))
                .body(containsString("/openapi/problem"))
                .body(containsString("/openapi/catalog"))
                .body(containsString("/openapi/notification"));
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
