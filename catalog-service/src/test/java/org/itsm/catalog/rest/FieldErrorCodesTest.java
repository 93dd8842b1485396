package org.itsm.catalog.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.asRequester;
import static org.itsm.catalog.CatalogTestSupport.createService;

import java.util.UUID;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Each kind of field error answers a stable {@code code} with its {@code params} beside the English message: Bean
 * Validation constraints and unreadable JSON (service-support's mappers), query parameters, and a catalog item's
 * form (its JSON Schema keywords).
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class FieldErrorCodesTest {

    private static final String ITEM = """
            {"name": %s, "form": {"type": "object"}, "approvalRule": %s, "fulfilmentGroup": "desktop",
             "expectedDeliveryHours": %s}""";

    @Test
    void required() {
        invalid(asRequester("rita", "mike").body("{\"fields\": {}}").post("/api/v1/requests"), "itemId")
                .body("errors[0].code", equalTo("required")).body("errors[0].params", nullValue())
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void tooLongAndTooShort() {
        invalid(asCatalogManager().body(ITEM.formatted("\"" + "x".repeat(121) + "\"", "\"NONE\"", 8))
                .post("/api/v1/catalog/items"), "name")
                .body("errors[0].code", equalTo("too_long")).body("errors[0].params.max", equalTo(120));
        String item = RequestResourceTest.publishedItem("NONE", null);
        invalid(asCatalogManager().body("{\"name\": \"\"}").patch("/api/v1/catalog/items/{id}", item), "name")
                .body("errors[0].code", equalTo("too_short")).body("errors[0].params.min", equalTo(1));
    }

    @Test
    void minAndMax() {
        invalid(asCatalogManager().body(ITEM.formatted("\"Desk\"", "\"NONE\"", 0)).post("/api/v1/catalog/items"),
                "expectedDeliveryHours").body("errors[0].code", equalTo("min"))
                .body("errors[0].params.min", equalTo(1));
        invalid(asCatalogManager().body(ITEM.formatted("\"Desk\"", "\"NONE\"", 9000)).post("/api/v1/catalog/items"),
                "expectedDeliveryHours").body("errors[0].code", equalTo("max"))
                .body("errors[0].params.max", equalTo(8760));
    }

    @Test
    void pattern() {
        String service = createService("Codes " + UUID.randomUUID());
        invalid(asCatalogManager().body("""
                {"name": "Gold", "slaTargets": [{"priority": "P9", "responseMinutes": 15, "resolutionMinutes": 60}]}""")
                .post("/api/v1/catalog/services/{id}/offerings", service), "slaTargets[0].priority")
                .body("errors[0].code", equalTo("pattern")).body("errors[0].params.pattern", equalTo("P[1-5]"))
                .body("errors[0].message", equalTo("must be one of P1..P5"));
    }

    @Test
    void enumTypeAndFormat() {
        invalid(asCatalogManager().body(ITEM.formatted("\"Desk\"", "\"SOMETIMES\"", 8)).post("/api/v1/catalog/items"),
                "approvalRule").body("errors[0].code", equalTo("enum"))
                .body("errors[0].params.allowed", contains("NONE", "MANAGER", "CATALOG_MANAGER"));
        invalid(asCatalogManager().body(ITEM.formatted("\"Desk\"", "\"NONE\"", "\"many\""))
                .post("/api/v1/catalog/items"), "expectedDeliveryHours")
                .body("errors[0].code", equalTo("type")).body("errors[0].params.expected", equalTo("integer"));
        invalid(asRequester("rita", "mike").body("{\"itemId\": \"not-a-uuid\", \"fields\": {}}")
                .post("/api/v1/requests"), "itemId")
                .body("errors[0].code", equalTo("format")).body("errors[0].params.format", equalTo("uuid"));
        invalid(asAgent().get("/api/v1/requests?state=LATER"), "state").body("errors[0].code", equalTo("enum"));
    }

    @Test
    void unknownField() {
        invalid(asRequester("rita", "mike").body("{\"itemId\": \"%s\", \"fields\": {}, \"colour\": \"red\"}"
                .formatted(UUID.randomUUID())).post("/api/v1/requests"), "colour")
                .body("errors[0].code", equalTo("unknown_field")).body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void formKeywordsOfACatalogItem() {
        String item = RequestResourceTest.publishedItem("NONE", null);
        asRequester("rita", "mike").body("""
                {"itemId": "%s", "fields": {"model": "17-inch", "costCentre": "X", "quantity": 9, "colour": "red"}}"""
                .formatted(item)).post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.code", hasItems("enum", "pattern", "max", "unknown_field"))
                .body("errors.find { it.field == 'fields.model' }.params.allowed", contains("13-inch", "15-inch"))
                .body("errors.find { it.field == 'fields.costCentre' }.params.pattern", equalTo("^CC[0-9]{4}$"))
                .body("errors.find { it.field == 'fields.quantity' }.params.max", equalTo(5))
                .body("errors.find { it.field == 'fields.colour' }.code", equalTo("unknown_field"));
        asRequester("rita", "mike").body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"quantity\": \"2\"}}"
                .formatted(item)).post("/api/v1/requests").then().statusCode(400)
                .body("errors.find { it.field == 'fields.costCentre' }.code", equalTo("required"))
                .body("errors.find { it.field == 'fields.quantity' }.code", equalTo("type"))
                .body("errors.find { it.field == 'fields.quantity' }.params.expected", equalTo("integer"));
    }

    private static ValidatableResponse invalid(io.restassured.response.Response response, String field) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", equalTo(1)).body("errors[0].field", equalTo(field));
    }
}
