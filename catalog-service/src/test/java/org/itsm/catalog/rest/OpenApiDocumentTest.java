package org.itsm.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The API document: every operation shows its success schema, operationIds are unique, no Jackson internals. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsSuccessSchemaUnderAUniqueId() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        Map<String, Map<String, Object>> paths = JsonPath.from(document).getMap("paths");
        List<String> undocumented = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                    continue;
                }
                assertTrue(ids.add((String) op.get("operationId")), "duplicate operationId " + op.get("operationId"));
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                boolean documented = responses.entrySet().stream().anyMatch(response -> response.getKey()
                        .startsWith("2") && response.getValue().get("content") instanceof Map<?, ?> content
                        && content.values().stream().anyMatch(media -> media instanceof Map<?, ?> type
                                && type.get("schema") != null));
                if (!documented) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), undocumented);
        int at = document.indexOf("JsonNode");
        assertFalse(at >= 0, "Jackson's JsonNode shows in the API document: "
                + (at < 0 ? "" : document.substring(Math.max(0, at - 300), Math.min(document.length(), at + 300))));
    }
}
