package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.itsm.e2e.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * Generated malformed requests against every operation of every service, through the gateway as admin (so they
 * pass authorisation and reach validation): broken JSON, wrong types, huge strings, unknown enum values, injection
 * strings in identifiers and filters, negative paging. Every answer must be a 4xx problem+json, and no collection
 * may grow.
 */
@ExtendWith(PlatformExtension.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BROKEN_BODIES = List.of("{", "{\"a\": }", "[1, 2", "not json at all", "\"\\u0000",
            "{\"shortDescription\": \"x\",}", "null", "[]", "42");
    private static final List<String> HOSTILE_STRINGS = List.of("'; drop table incident; --", "1 OR 1=1",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}", "%00", "-1", "NaN");

    @Test
    void malformedRequestsGetA4xxProblemAndStoreNothing() {
        List<Operation> operations = OpenApiOperations.all();
        String admin = Tokens.bearer("admin");
        Map<String, Long> before = collectionSizes(operations, admin);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations) {
            for (BadRequest request : badRequests(operation)) {
                sent++;
                Response response = given().header("Authorization", Tokens.bearer("admin"))
                        .contentType("application/json").body(request.body())
                        .request(operation.method(), request.url());
                int status = response.statusCode();
                String type = String.valueOf(response.contentType());
                boolean refused = status >= 400 && status < 500 && type.startsWith("application/problem+json");
                if (request.mustRefuse() ? !refused : status >= 500 || status >= 400 && !refused) {
                    failures.add(status + " " + type + " for " + operation.method().toUpperCase() + " " + request.url()
                            + " body " + abbreviate(request.body()));
                }
            }
        }
        System.out.printf("[BadInputIT] %d malformed or hostile requests over %d operations, %d answered wrongly%n",
                sent, operations.size(), failures.size());
        failures.stream().limit(20).forEach(failure -> System.out.println("[BadInputIT] " + failure));
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " bad answers");
        assertEquals(before, collectionSizes(operations, admin), "malformed requests stored something");
        assertTrue(sent >= 2_000, "a few thousand requests: " + sent);
    }

    /** {@code mustRefuse}: a 4xx is required; otherwise (hostile text where any text is allowed) only no 5xx. */
    record BadRequest(String url, String body, boolean mustRefuse) {

        BadRequest(String url, String body) {
            this(url, body, true);
        }
    }

    private static List<BadRequest> badRequests(Operation operation) {
        List<BadRequest> requests = new ArrayList<>();
        if (operation.hasPathParameters()) {
            HOSTILE_STRINGS.forEach(hostile -> requests.add(new BadRequest(operation.url(urlEncode(hostile)), "{}")));
        }
        for (Map<String, Object> parameter : operation.queryParameters()) {
            String name = (String) parameter.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            for (String value : wrongQueryValues(name, schema == null ? Map.of() : schema)) {
                requests.add(new BadRequest(operation.url() + "?" + name + "=" + urlEncode(value), ""));
            }
            for (String hostile : HOSTILE_STRINGS) {
                requests.add(new BadRequest(operation.url() + "?" + name + "=" + urlEncode(hostile), "", false));
            }
        }
        if (operation.method().equals("get") || operation.method().equals("delete")) {
            return requests;
        }
        BROKEN_BODIES.forEach(body -> requests.add(new BadRequest(operation.url(), body)));
        Map<String, Object> schema = OpenApiOperations.resolve(operation.body(), operation.document());
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return requests;
        }
        Map<String, Object> valid = plausibleBody(properties, operation);
        properties.forEach((name, propertySchema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> property = OpenApiOperations.resolve((Map<String, Object>) propertySchema,
                    operation.document());
            for (Object wrong : wrongValues(property)) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put((String) name, wrong);
                requests.add(new BadRequest(operation.url(), json(body)));
            }
        });
        return requests;
    }

    /** Values a query parameter must refuse (free-text parameters accept any text, so they get none). */
    private static List<String> wrongQueryValues(String name, Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        if (schema.get("enum") != null) {
            return List.of("NOT_A_VALUE", HOSTILE_STRINGS.get(0));
        }
        if (type.equals("integer") || type.equals("number")) {
            return name.equals("page") || name.equals("size") ? List.of("abc", "-1", "99999999999999999999")
                    : List.of("abc", HOSTILE_STRINGS.get(1));
        }
        if (type.equals("boolean")) {
            return List.of("maybe");
        }
        if ("uuid".equals(schema.get("format"))) {
            return List.of("not-a-uuid", HOSTILE_STRINGS.get(0));
        }
        if (name.equals("sort")) {
            return List.of("password", "-;drop table incident");
        }
        return List.of();
    }

    /** Values the property must refuse: another JSON type, and for its own type something out of bounds. */
    private static List<Object> wrongValues(Map<String, Object> property) {
        List<Object> wrong = new ArrayList<>();
        String type = String.valueOf(property.get("type"));
        // an object where a plain value or list belongs; a plain value where an object belongs
        wrong.add(Set.of("string", "integer", "number", "boolean", "array").contains(type)
                ? Map.of("nested", List.of(1, 2)) : "not an object");
        if (property.get("enum") != null) {
            wrong.add("NOT_A_VALUE");
            wrong.add(HOSTILE_STRINGS.get(0));
        } else if (type.equals("integer") || type.equals("number")) {
            wrong.add("abc");
            wrong.add(HOSTILE_STRINGS.get(1));
            wrong.add(1e300);
        } else if (type.equals("boolean")) {
            wrong.add("maybe");
        } else if (type.equals("array")) {
            wrong.add(7);
        } else if ("uuid".equals(property.get("format"))) {
            wrong.add(HOSTILE_STRINGS.get(0));
        } else if ("date-time".equals(property.get("format")) || "date".equals(property.get("format"))) {
            wrong.add("yesterday");
        } else if (type.equals("string")) {
            wrong.add("x".repeat(100_000));
        }
        return wrong;
    }

    /** Something for every property, so that the one wrong value is what gets refused. */
    private static Map<String, Object> plausibleBody(Map<?, ?> properties, Operation operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        properties.forEach((name, propertySchema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> property = OpenApiOperations.resolve((Map<String, Object>) propertySchema,
                    operation.document());
            body.put((String) name, plausibleValue(property));
        });
        return body;
    }

    private static Object plausibleValue(Map<String, Object> property) {
        if (property.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(property.get("type"));
        return switch (type) {
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> "uuid".equals(property.get("format")) ? java.util.UUID.randomUUID().toString()
                    : "date-time".equals(property.get("format")) ? "2026-12-01T10:00:00Z" : "bad input test";
        };
    }

    /** The total of every list operation (GET without path parameters answering a page with a total). */
    private static Map<String, Long> collectionSizes(List<Operation> operations, String admin) {
        Map<String, Long> sizes = new TreeMap<>();
        for (Operation operation : operations) {
            if (operation.method().equals("get") && !operation.hasPathParameters()) {
                Response response = given().header("Authorization", admin).get(operation.url() + "?size=1");
                Object total = response.statusCode() == 200 && response.contentType().startsWith("application/json")
                        && response.asString().startsWith("{") ? response.jsonPath().get("total") : null;
                if (total instanceof Number number) {
                    sizes.put(operation.path(), number.longValue());
                }
            }
        }
        return sizes;
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
