package org.itsm.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private static final JsonObject INFO = new JsonObject().put("title", "ITSM platform API").put("version", "v1");

    @Test
    void keepsIdenticalComponentsOnceAndRenamesClashingOnesWithTheirReferences() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("incident", document("/api/v1/incidents", "incident"));
        documents.put("change", document("/api/v1/changes", "change"));

        JsonObject merged = OpenApiMerger.merge(INFO, documents, List.of());

        assertEquals(Set.of("/api/v1/incidents", "/api/v1/changes"), merged.getJsonObject("paths").fieldNames());
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(Set.of("Problem", "Record", "Change_Record"), schemas.fieldNames());
        assertEquals("change", schemas.getJsonObject("Change_Record").getString("title"));
        assertEquals("#/components/schemas/Change_Record", ref(merged, "/api/v1/changes"));
        assertEquals("#/components/schemas/Record", ref(merged, "/api/v1/incidents"));
        // The shared schema is still referenced by its own name.
        assertEquals("#/components/schemas/Problem", merged.getJsonObject("paths").getJsonObject("/api/v1/changes")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("400").getString("$ref"));
        assertFalse(merged.getJsonObject("info").containsKey("description"));
    }

    @Test
    void namesTheServicesItCouldNotInclude() {
        JsonObject merged = OpenApiMerger.merge(INFO, Map.of("incident", document("/api/v1/incidents", "incident")),
                List.of("change-service", "problem-service"));
        assertEquals("Not included, unavailable now: change-service, problem-service.",
                merged.getJsonObject("info").getString("description"));
        assertEquals("3.1.0", merged.getString("openapi"));
    }

    @Test
    void keepsTheServersTheServicesName() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("incident", document("/api/v1/incidents", "incident")
                .put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "http://localhost:8080"))));
        documents.put("change", document("/api/v1/changes", "change"));

        JsonObject merged = OpenApiMerger.merge(INFO, documents, List.of());

        assertEquals("http://localhost:8080", merged.getJsonArray("servers").getJsonObject(0).getString("url"));
    }

    private static String ref(JsonObject merged, String path) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getString("$ref");
    }

    private static JsonObject document(String path, String recordTitle) {
        JsonObject get = new JsonObject().put("responses", new JsonObject()
                .put("200", new JsonObject().put("$ref", "#/components/schemas/Record"))
                .put("400", new JsonObject().put("$ref", "#/components/schemas/Problem")));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", get)))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object"))
                        .put("Record", new JsonObject().put("type", "object").put("title", recordTitle))));
    }
}
