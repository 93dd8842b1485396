package org.itsm.e2e;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;

/** The operations of the five services, read at run time from their OpenAPI documents served by the gateway. */
final class OpenApiOperations {

    static final List<String> SERVICES = List.of("incident", "change", "problem", "catalog", "notification");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    /** One operation; {@code body} is its JSON request body schema (refs resolved lazily), or null. */
    record Operation(String service, String method, String path, Set<String> roles, Map<String, Object> body,
            List<Map<String, Object>> queryParameters, JsonPath document) {

        String url() {
            return url(UUID.randomUUID().toString());
        }

        /** The URL with every path parameter set to {@code value}. */
        String url(String value) {
            return PlatformExtension.gatewayUrl() + PATH_PARAMETER.matcher(path)
                    .replaceAll(java.util.regex.Matcher.quoteReplacement(value));
        }

        boolean hasPathParameters() {
            return PATH_PARAMETER.matcher(path).find();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " " + roles;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            JsonPath document = given().accept("application/json")
                    .get(PlatformExtension.gatewayUrl() + "/openapi/" + service)
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Object>> paths = document.getMap("paths");
            paths.forEach((path, item) -> {
                for (String method : METHODS) {
                    if (item.get(method) instanceof Map<?, ?> operation && path.startsWith("/api/")) {
                        operations.add(new Operation(service, method, path, roles(operation), body(operation),
                                queryParameters(operation, document), document));
                    }
                }
            });
        }
        return operations;
    }

    /** A schema with its {@code $ref} followed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, JsonPath document) {
        Object ref = schema == null ? null : schema.get("$ref");
        if (ref instanceof String reference && reference.startsWith("#/components/schemas/")) {
            return document.getMap("components.schemas.'" + reference.substring("#/components/schemas/".length()) + "'");
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roles(Map<?, ?> operation) {
        Set<String> roles = new TreeSet<>();
        if (operation.get("security") instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                ((Map<String, List<String>>) requirement).values().forEach(roles::addAll);
            }
        }
        return roles;
    }

    /** The query parameters, each with its schema resolved under the key {@code schema}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> queryParameters(Map<?, ?> operation, JsonPath document) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        if (operation.get("parameters") instanceof List<?> declared) {
            for (Object parameter : declared) {
                Map<String, Object> map = new java.util.HashMap<>((Map<String, Object>) parameter);
                if ("query".equals(map.get("in"))) {
                    map.put("schema", resolve((Map<String, Object>) map.get("schema"), document));
                    parameters.add(map);
                }
            }
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<?, ?> operation) {
        if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                && requestBody.get("content") instanceof Map<?, ?> content
                && content.get("application/json") instanceof Map<?, ?> json) {
            return (Map<String, Object>) json.get("schema");
        }
        return null;
    }
}
