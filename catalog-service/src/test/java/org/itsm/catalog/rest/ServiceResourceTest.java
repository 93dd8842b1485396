package org.itsm.catalog.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.createOffering;
import static org.itsm.catalog.CatalogTestSupport.createService;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ServiceResourceTest {

    @Test
    void aNewServiceStartsInPipelineAndMovesByExplicitActions() {
        String id = asCatalogManager().body("{\"name\": \"VPN\", \"type\": \"TECHNICAL\"}")
                .post("/api/v1/catalog/services").then().statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/v1/catalog/services/"))
                .body("number", matchesPattern("SVC\\d{7}"))
                .body("lifecycle", equalTo("PIPELINE"))
                .body("criticality", equalTo("MEDIUM"))
                .body("allowedActions", contains("go-live", "retire"))
                .extract().path("id");
        // the lifecycle actions are offered only to those the endpoints admit
        asAgent().get("/api/v1/catalog/services/{id}", id).then().statusCode(200).body("allowedActions.size()",
                equalTo(0));
        asAgent().get("/api/v1/catalog/services?q=VPN").then().statusCode(200)
                .body("items.find { it.id == '%s' }.allowedActions.size()".formatted(id), equalTo(0));
        asCatalogManager().post("/api/v1/catalog/services/{id}/go-live", id).then().statusCode(200)
                .body("lifecycle", equalTo("LIVE"));
        asCatalogManager().post("/api/v1/catalog/services/{id}/go-live", id).then().statusCode(409)
                .contentType("application/problem+json").body("allowedMoves", contains("retire"));
        asCatalogManager().post("/api/v1/catalog/services/{id}/retire", id).then().statusCode(200)
                .body("lifecycle", equalTo("RETIRED")).body("allowedActions.size()", equalTo(0));
        asCatalogManager().body("{\"name\": \"VPN 2\"}").patch("/api/v1/catalog/services/{id}", id).then()
                .statusCode(409);
        asAgent().get("/api/v1/catalog/services/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'lifecycle' }.to", contains("PIPELINE", "LIVE", "RETIRED"));
    }

    @Test
    void offeringsCarrySlaTargetsCalendarsAndWindows() {
        String service = createService("Email " + UUID.randomUUID());
        String offering = asCatalogManager().body("""
                {"name": "Email Gold",
                 "slaTargets": [{"priority": "P1", "responseMinutes": 15, "resolutionMinutes": 240}],
                 "businessHours": {"timeZone": "Europe/Paris", "workingDays": ["MONDAY", "FRIDAY"],
                                   "start": "08:00", "end": "18:00", "holidays": ["2026-12-25"]},
                 "blackoutWindows": [{"start": "2026-12-20T00:00:00Z", "end": "2027-01-02T00:00:00Z",
                                      "description": "year end"}]}""")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("supportGroup", equalTo("messaging"))
                .body("businessHours.workingDays", contains("MONDAY", "FRIDAY"))
                .body("blackoutWindows[0].description", equalTo("year end"))
                .extract().path("id");
        String etag = asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then()
                .statusCode(200).extract().header("ETag");
        asCatalogManager().header("If-Match", etag)
                .body("{\"slaTargets\": [{\"priority\": \"P2\", \"responseMinutes\": 30, \"resolutionMinutes\": 480}]}")
                .patch("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(200)
                .body("slaTargets.priority", contains("P2"));
        asCatalogManager().header("If-Match", etag).body("{\"name\": \"stale\"}")
                .patch("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(412)
                .contentType("application/problem+json");
        asCatalogManager().body("""
                {"name": "Broken", "slaTargets": [{"priority": "P1", "responseMinutes": 300, "resolutionMinutes": 60}],
                 "businessHours": {"timeZone": "Nowhere/Town", "workingDays": ["MONDAY"], "start": "18:00", "end": "08:00"},
                 "maintenanceWindows": [{"start": "2026-12-02T00:00:00Z", "end": "2026-12-01T00:00:00Z"}]}""")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("maintenanceWindows[0].end"));
        asCatalogManager().body("""
                {"name": "Broken", "slaTargets": [{"priority": "P1", "responseMinutes": 300, "resolutionMinutes": 60}],
                 "businessHours": {"timeZone": "Nowhere/Town", "workingDays": ["MONDAY"], "start": "18:00", "end": "08:00"}}""")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(400)
                .body("errors.field", hasItems("slaTargets[0].resolutionMinutes", "businessHours"));
        asAgent().get("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(200)
                .body("name", contains("Email Gold"));
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}/history", service, offering).then()
                .statusCode(200).body("field", hasItems("status", "slaTargets"));
    }

    @Test
    void impactFollowsDependentsTransitivelyThroughCycles() {
        String network = createService("Network " + UUID.randomUUID());
        String database = asCatalogManager().body("{\"name\": \"Database\", \"type\": \"TECHNICAL\", \"dependsOn\": [\"%s\"]}"
                .formatted(network)).post("/api/v1/catalog/services").then().statusCode(201).extract().path("id");
        String payroll = asCatalogManager().body("{\"name\": \"Payroll\", \"type\": \"BUSINESS\", \"dependsOn\": [\"%s\"]}"
                .formatted(database)).post("/api/v1/catalog/services").then().statusCode(201).extract().path("id");
        // close a cycle: the network now also depends on payroll (monitoring, say)
        asCatalogManager().body("{\"dependsOn\": [\"%s\"]}".formatted(payroll))
                .patch("/api/v1/catalog/services/{id}", network).then().statusCode(200);
        asAgent().get("/api/v1/catalog/services/{id}/impact", network).then().statusCode(200)
                .body("serviceId", contains(database, payroll))
                .body("distance", contains(1, 2))
                .body("via", contains(network, database));
        asCatalogManager().body("{\"dependsOn\": [\"%s\"]}".formatted(network))
                .patch("/api/v1/catalog/services/{id}", network).then().statusCode(400)
                .body("errors[0].field", equalTo("dependsOn"));
        asCatalogManager().body("{\"name\": \"X\", \"type\": \"BUSINESS\", \"dependsOn\": [\"%s\"]}"
                .formatted(UUID.randomUUID())).post("/api/v1/catalog/services").then().statusCode(400)
                .body("errors[0].field", equalTo("dependsOn[0]"));
    }

    @Test
    void badInputIsAClearProblemNeverA500() {
        asCatalogManager().body("{\"name\": ").post("/api/v1/catalog/services").then().statusCode(400)
                .contentType("application/problem+json");
        asCatalogManager().body("{\"name\": \"X\", \"type\": \"MAGIC\"}").post("/api/v1/catalog/services").then()
                .statusCode(400).body("errors[0].field", equalTo("type"));
        asCatalogManager().body("{\"description\": \"no name\"}").post("/api/v1/catalog/services").then()
                .statusCode(400).body("errors.field", hasItems("name", "type"));
        asCatalogManager().body("{\"name\": \"" + "x".repeat(121) + "\", \"type\": \"BUSINESS\"}")
                .post("/api/v1/catalog/services").then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAgent().get("/api/v1/catalog/services?lifecycle=ASLEEP").then().statusCode(400)
                .body("errors[0].field", equalTo("lifecycle"));
        asAgent().get("/api/v1/catalog/services?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        asAgent().get("/api/v1/catalog/services?sort=secret").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        asAgent().get("/api/v1/catalog/services/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asAgent().get("/api/v1/catalog/services/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listFiltersSearchesAndPages() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        createService("Findme " + marker + " A");
        createService("Findme " + marker + " B");
        asAgent().get("/api/v1/catalog/services?q={q}&size=1&sort=-name", "findme " + marker).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(2))
                .body("items[0].name", containsString(" B"));
        asAgent().get("/api/v1/catalog/services?lifecycle=PIPELINE&type=BUSINESS&size=1000").then().statusCode(200)
                .body("size", equalTo(100));
    }

    @Test
    void idempotencyKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Printing\", \"type\": \"BUSINESS\"}";
        String first = asCatalogManager().header("Idempotency-Key", key).body(body).post("/api/v1/catalog/services")
                .then().statusCode(201).extract().path("id");
        asCatalogManager().header("Idempotency-Key", key).body(body).post("/api/v1/catalog/services").then()
                .statusCode(200).body("id", equalTo(first));
        asCatalogManager().header("Idempotency-Key", key).body("{\"name\": \"Other\", \"type\": \"BUSINESS\"}")
                .post("/api/v1/catalog/services").then().statusCode(422);
    }

    @Test
    void twoUpdatesWithTheSameETagConcurrentlyGiveOne412() throws Exception {
        String id = createService("Race " + UUID.randomUUID());
        String etag = asAgent().get("/api/v1/catalog/services/{id}", id).then().extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> asCatalogManager().header("If-Match", etag).body("{\"owner\": \"alice\"}")
                            .patch("/api/v1/catalog/services/{id}", id).statusCode(),
                    () -> asCatalogManager().header("If-Match", etag).body("{\"owner\": \"bob\"}")
                            .patch("/api/v1/catalog/services/{id}", id).statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdown();
        }
        asAgent().get("/api/v1/catalog/services/{id}/history", id).then()
                .body("findAll { it.field == 'owner' }.size()", equalTo(1));
    }

    @Test
    void offeringsAreIdempotentPerServiceAndBelongToTheirService() {
        String one = createService("One " + UUID.randomUUID());
        String other = createService("Other " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String offering = asCatalogManager().header("Idempotency-Key", key).body("{\"name\": \"Standard\"}")
                .post("/api/v1/catalog/services/{id}/offerings", one).then().statusCode(201).extract().path("id");
        asCatalogManager().header("Idempotency-Key", key).body("{\"name\": \"Standard\"}")
                .post("/api/v1/catalog/services/{id}/offerings", one).then().statusCode(200).body("id", equalTo(offering));
        asCatalogManager().header("Idempotency-Key", key).body("{\"name\": \"Standard\"}")
                .post("/api/v1/catalog/services/{id}/offerings", other).then().statusCode(422);
        asAgent().get("/api/v1/catalog/services/{id}/offerings", one).then().body("size()", equalTo(1));
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}", other, offering).then().statusCode(404);
        createOffering(other, "Standard");
    }
}
