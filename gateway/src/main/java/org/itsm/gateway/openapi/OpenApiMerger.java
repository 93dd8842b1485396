package org.itsm.gateway.openapi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into one. Their paths are disjoint (each service serves its own part of
 * {@code /api/v1}); components may share a name: identical ones are kept once, and a differing one is renamed after
 * its service ({@code Change_Problem}) with the references to it.
 */
public final class OpenApiMerger {

    private static final String REF_PREFIX = "#/components/";

    private OpenApiMerger() {
    }

    /**
     * @param info the merged document's {@code info}
     * @param documents each service's document by service name, in the order to merge
     * @param missing services whose document could not be fetched, named in the description
     */
    public static JsonObject merge(JsonObject info, Map<String, JsonObject> documents, List<String> missing) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        JsonArray security = null;
        JsonArray servers = null;
        String version = "3.0.3";

        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            JsonObject document = entry.getValue();
            version = document.getString("openapi", version);
            Map<String, String> renamed = renames(entry.getKey(), document.getJsonObject("components", new JsonObject()),
                    components);
            JsonObject rewritten = renamed.isEmpty() ? document : (JsonObject) rewriteRefs(document.copy(), renamed);

            rewritten.getJsonObject("paths", new JsonObject()).forEach(path -> paths.put(path.getKey(), path.getValue()));
            JsonObject own = rewritten.getJsonObject("components", new JsonObject());
            for (String section : own.fieldNames()) {
                JsonObject merged = components.getJsonObject(section);
                if (merged == null) {
                    components.put(section, merged = new JsonObject());
                }
                for (Map.Entry<String, Object> component : own.getJsonObject(section)) {
                    String ref = renamed.getOrDefault(REF_PREFIX + section + "/" + component.getKey(),
                            REF_PREFIX + section + "/" + component.getKey());
                    merged.put(ref.substring(ref.lastIndexOf('/') + 1), component.getValue());
                }
            }
            for (Object tag : rewritten.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject named) {
                    tags.putIfAbsent(named.getString("name"), named);
                }
            }
            if (security == null) {
                security = rewritten.getJsonArray("security");
            }
            if (servers == null) {
                servers = rewritten.getJsonArray("servers");
            }
        }

        JsonObject mergedInfo = info.copy();
        if (!missing.isEmpty()) {
            mergedInfo.put("description", mergedInfo.getString("description", "")
                    + (mergedInfo.containsKey("description") ? " " : "") + "Not included, unavailable now: "
                    + String.join(", ", missing) + ".");
        }
        JsonObject merged = new JsonObject().put("openapi", version).put("info", mergedInfo).put("paths", paths)
                .put("components", components);
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(List.copyOf(tags.values())));
        }
        if (security != null) {
            merged.put("security", security);
        }
        if (servers != null) {
            merged.put("servers", servers);
        }
        return merged;
    }

    /** References ({@code #/components/<section>/<name>}) to rename, for components clashing with merged ones. */
    private static Map<String, String> renames(String service, JsonObject own, JsonObject merged) {
        Map<String, String> renamed = new HashMap<>();
        String qualifier = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        for (String section : own.fieldNames()) {
            JsonObject existing = merged.getJsonObject(section, new JsonObject());
            for (Map.Entry<String, Object> component : own.getJsonObject(section)) {
                Object other = existing.getValue(component.getKey());
                if (other != null && !other.equals(component.getValue())) {
                    renamed.put(REF_PREFIX + section + "/" + component.getKey(),
                            REF_PREFIX + section + "/" + qualifier + "_" + component.getKey());
                }
            }
        }
        return renamed;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            for (String field : List.copyOf(object.fieldNames())) {
                Object value = object.getValue(field);
                if ("$ref".equals(field) && value instanceof String ref && renamed.containsKey(ref)) {
                    object.put(field, renamed.get(ref));
                } else {
                    rewriteRefs(value, renamed);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(element -> rewriteRefs(element, renamed));
        }
        return node;
    }
}
