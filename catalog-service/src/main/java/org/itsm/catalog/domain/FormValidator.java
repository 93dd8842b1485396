package org.itsm.catalog.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.itsm.support.rest.FieldErrorCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The form of a catalog item is a JSON Schema (draft 2020-12) of an object; a request's field values are validated
 * against it and every problem is reported against the field it concerns ({@code fields.<name>}), with the code of
 * the shared field errors ({@link FieldErrorCode}) for the keywords they share and the keyword itself for the others:
 * {@code required}; {@code maxLength}/{@code maxItems} → {@code too_long} {max}; {@code minLength}/{@code minItems} →
 * {@code too_short} {min}; {@code pattern} {pattern}; {@code minimum} → {@code min} {min}; {@code maximum} →
 * {@code max} {max}; {@code enum}/{@code const} → {@code enum} {allowed};
 * {@code type} {expected}; {@code format} {format}; {@code additionalProperties}/{@code unevaluatedProperties} →
 * {@code unknown_field}, named on the unknown property (an exclusive bound such as {@code exclusiveMinimum} is its own
 * code: "at least" would misstate it).
 */
public final class FormValidator {

    /** Where field values sit in a request body, so problems name the field as the client sent it. */
    public static final String FIELDS = "fields";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords whose problem concerns one property of the object: reported on that property. */
    private static final Set<String> NAMES_PROPERTY = Set.of("required", "additionalProperties",
            "unevaluatedProperties");

    /** A problem with one field: its English message, its code and the code's params (null when none). */
    public record FieldProblem(String field, String message, String code, Map<String, Object> params) {

        /** A rule of the form's definition, explained by its message only. */
        public FieldProblem(String field, String message) {
            this(field, message, null, null);
        }
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
            problems.add(new FieldProblem(field + ".type", "must be \"object\": a form is an object of fields",
                    FieldErrorCode.ENUM, Map.of("allowed", List.of("object"))));
        }
        for (ValidationMessage message : META_SCHEMA.validate(schema)) {
            problems.add(problem(join(field, location(message)), message));
        }
        collectRemoteReferences(field, schema, problems);
        return problems;
    }

    /** Problems of field values against a form definition that passed {@link #checkDefinition}. */
    public static List<FieldProblem> validate(JsonNode schema, JsonNode values) {
        JsonSchema form = FACTORY.getSchema(schema);
        return form.validate(values).stream()
                .map(message -> problem(join(FIELDS, fieldOf(message)), message))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    /** The field a message concerns: a missing required or an unknown property is reported on that property. */
    private static String fieldOf(ValidationMessage message) {
        String location = location(message);
        if (NAMES_PROPERTY.contains(message.getType()) && message.getProperty() != null) {
            return join(location, message.getProperty());
        }
        return location;
    }

    /** The problem a keyword reports, with the shared code and the keyword's value as its params. */
    private static FieldProblem problem(String field, ValidationMessage message) {
        String keyword = message.getType();
        Object value = message.getSchemaNode() == null ? null : JSON.convertValue(message.getSchemaNode(), Object.class);
        return switch (keyword == null ? "" : keyword) {
            case "required" -> new FieldProblem(field, text(message), FieldErrorCode.REQUIRED, null);
            case "maxLength", "maxItems" -> coded(field, message, FieldErrorCode.TOO_LONG, "max", value);
            case "minLength", "minItems" -> coded(field, message, FieldErrorCode.TOO_SHORT, "min", value);
            case "pattern" -> coded(field, message, FieldErrorCode.PATTERN, "pattern", value);
            case "minimum" -> coded(field, message, FieldErrorCode.MIN, "min", value);
            case "maximum" -> coded(field, message, FieldErrorCode.MAX, "max", value);
            case "enum" -> coded(field, message, FieldErrorCode.ENUM, "allowed", value);
            case "const" -> coded(field, message, FieldErrorCode.ENUM, "allowed", Collections.singletonList(value));
            case "type" -> coded(field, message, FieldErrorCode.TYPE, "expected", value);
            case "format" -> coded(field, message, FieldErrorCode.FORMAT, "format", value);
            case "additionalProperties", "unevaluatedProperties" ->
                new FieldProblem(field, text(message), FieldErrorCode.UNKNOWN_FIELD, null);
            case "" -> new FieldProblem(field, text(message), FieldErrorCode.INVALID, null);
            default -> coded(field, message, keyword, keyword, value);
        };
    }

    private static FieldProblem coded(String field, ValidationMessage message, String code, String param,
            Object value) {
        return new FieldProblem(field, text(message), code, value == null ? null : Map.of(param, value));
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
