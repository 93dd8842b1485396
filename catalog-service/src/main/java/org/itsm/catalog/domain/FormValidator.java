package org.itsm.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The form of a catalog item is a JSON Schema (draft 2020-12) of an object; a request's field values are validated
 * against it and every problem is reported against the field it concerns ({@code fields.<name>}).
 */
public final class FormValidator {

    /** Where field values sit in a request body, so problems name the field as the client sent it. */
    public static final String FIELDS = "fields";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

    /** A problem with one field. */
    public record FieldProblem(String field, String message) {
    }

    private FormValidator() {
    }

    /**
     * Loads the validator and the draft 2020-12 meta-schema (a few seconds on a cold JVM), so the first form
     * checked on a request thread does not pay for it.
     */
    public static void warmUp() {
        checkDefinition("form", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("type", "object"));
    }

    /**
     * Problems of a form definition (reported against {@code field}): it must be a valid JSON Schema describing an
     * object, and may only reference its own parts (a remote {@code $ref} would make the service fetch URLs).
     */
    public static List<FieldProblem> checkDefinition(String field, JsonNode schema) {
        List<FieldProblem> problems = new ArrayList<>();
        if (schema == null || !schema.isObject()) {
            problems.add(new FieldProblem(field, "must be a JSON Schema object"));
            return problems;
        }
        if (!"object".equals(schema.path("type").asText())) {
            problems.add(new FieldProblem(field + ".type", "must be \"object\": a form is an object of fields"));
        }
        for (ValidationMessage message : META_SCHEMA.validate(schema)) {
            problems.add(new FieldProblem(join(field, location(message)), text(message)));
        }
        collectRemoteReferences(field, schema, problems);
        return problems;
    }

    /** Problems of field values against a form definition that passed {@link #checkDefinition}. */
    public static List<FieldProblem> validate(JsonNode schema, JsonNode values) {
        JsonSchema form = FACTORY.getSchema(schema);
        return form.validate(values).stream()
                .map(message -> new FieldProblem(join(FIELDS, fieldOf(message)), text(message)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    /** The field a message concerns: a missing required property is reported on that property. */
    private static String fieldOf(ValidationMessage message) {
        String location = location(message);
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return join(location, message.getProperty());
        }
        return location;
    }

    private static String location(ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        return path.replaceFirst("^\\$\\.?", "");
    }

    private static String text(ValidationMessage message) {
        String full = message.getMessage();
        int separator = full.indexOf(": ");
        return separator >= 0 ? full.substring(separator + 2) : full;
    }

    private static String join(String prefix, String rest) {
        if (rest == null || rest.isEmpty()) {
            return prefix;
        }
        if (prefix.isEmpty()) {
            return rest;
        }
        return rest.startsWith("[") ? prefix + rest : prefix + "." + rest;
    }

    private static void collectRemoteReferences(String field, JsonNode node, List<FieldProblem> problems) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = node.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                boolean reference = "$ref".equals(member.getKey()) || "$dynamicRef".equals(member.getKey());
                if (reference && !member.getValue().asText().startsWith("#")) {
                    problems.add(new FieldProblem(field, "only local references (#...) are allowed, not "
                            + member.getValue().asText()));
                }
                collectRemoteReferences(field, member.getValue(), problems);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRemoteReferences(field, element, problems));
        }
    }
}
