package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FormValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LAPTOP_FORM = """
            {"type": "object", "required": ["model", "costCentre"], "additionalProperties": false,
             "properties": {
               "model": {"type": "string", "enum": ["13-inch", "15-inch"]},
               "costCentre": {"type": "string", "pattern": "^CC[0-9]{4}$"},
               "quantity": {"type": "integer", "minimum": 1, "maximum": 5},
               "delivery": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}}
             }}""";

    @Test
    void validValuesPass() {
        assertEquals(List.of(), FormValidator.validate(json(LAPTOP_FORM),
                json("{\"model\": \"13-inch\", \"costCentre\": \"CC1234\", \"quantity\": 2}")));
    }

    @Test
    void everyInvalidFieldIsNamedOnce() {
        List<FormValidator.FieldProblem> problems = FormValidator.validate(json(LAPTOP_FORM),
                json("{\"model\": \"17-inch\", \"quantity\": 9, \"delivery\": {}, \"colour\": \"red\"}"));
        List<String> fields = problems.stream().map(FormValidator.FieldProblem::field).toList();
        assertTrue(fields.containsAll(List.of("fields.model", "fields.costCentre", "fields.quantity",
                "fields.delivery.city")), problems.toString());
        assertTrue(problems.stream().noneMatch(problem -> problem.message().startsWith("$")), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.message().contains("colour")), problems.toString());
    }

    @Test
    void eachProblemCarriesTheSharedCodeAndTheKeywordsValue() {
        String form = """
                {"type": "object", "required": ["model"], "additionalProperties": false,
                 "properties": {
                   "model": {"type": "string", "enum": ["13-inch", "15-inch"]},
                   "costCentre": {"type": "string", "pattern": "^CC[0-9]{4}$"},
                   "note": {"type": "string", "minLength": 3, "maxLength": 5},
                   "quantity": {"type": "integer", "minimum": 1, "maximum": 5},
                   "seats": {"type": "integer", "exclusiveMinimum": 0},
                   "mail": {"type": "string", "format": "email"},
                   "tags": {"type": "array", "maxItems": 1},
                   "step": {"type": "integer", "multipleOf": 5},
                   "kind": {"const": "laptop"}
                 }}""";
        Map<String, FormValidator.FieldProblem> problems = FormValidator.validate(json(form), json("""
                {"costCentre": "X1", "note": "toolong", "quantity": 9, "seats": 0, "mail": "nobody", "tags": [1, 2],
                 "step": 7, "kind": "desk", "colour": "red"}""")).stream()
                .collect(Collectors.toMap(FormValidator.FieldProblem::field, problem -> problem));
        assertCode(problems, "fields.model", "required", null);
        assertCode(problems, "fields.costCentre", "pattern", Map.of("pattern", "^CC[0-9]{4}$"));
        assertCode(problems, "fields.note", "too_long", Map.of("max", 5));
        assertCode(problems, "fields.quantity", "max", Map.of("max", 5));
        assertCode(problems, "fields.seats", "exclusiveMinimum", Map.of("exclusiveMinimum", 0));
        assertCode(problems, "fields.tags", "too_long", Map.of("max", 1));
        assertCode(problems, "fields.step", "multipleOf", Map.of("multipleOf", 5));
        assertCode(problems, "fields.kind", "enum", Map.of("allowed", List.of("laptop")));
        assertCode(problems, "fields.colour", "unknown_field", null);

        Map<String, FormValidator.FieldProblem> more = FormValidator.validate(json(form), json("""
                {"model": "17-inch", "note": "ab", "quantity": "two", "mail": "x@example.com"}""")).stream()
                .collect(Collectors.toMap(FormValidator.FieldProblem::field, problem -> problem));
        assertCode(more, "fields.model", "enum", Map.of("allowed", List.of("13-inch", "15-inch")));
        assertCode(more, "fields.note", "too_short", Map.of("min", 3));
        assertCode(more, "fields.quantity", "type", Map.of("expected", "integer"));
        assertEquals(3, more.size(), more.toString());
    }

    private static void assertCode(Map<String, FormValidator.FieldProblem> problems, String field, String code,
            Map<String, Object> params) {
        FormValidator.FieldProblem problem = problems.get(field);
        assertEquals(code, problem == null ? null : problem.code(), field + " in " + problems);
        assertEquals(params, problem.params(), field);
    }

    @Test
    void definitionMustBeAnObjectSchemaWithoutRemoteReferences() {
        assertEquals(List.of(), FormValidator.checkDefinition("form", json(LAPTOP_FORM)));
        assertEquals("form.type", FormValidator.checkDefinition("form", json("{\"type\": \"string\"}")).get(0).field());
        assertTrue(!FormValidator.checkDefinition("form", json("{\"type\": \"object\", \"properties\": 5}")).isEmpty());
        assertTrue(FormValidator.checkDefinition("form", json("""
                {"type": "object", "properties": {"x": {"$ref": "http://evil.example/schema.json"}}}"""))
                .stream().anyMatch(problem -> problem.message().contains("only local references")));
        assertEquals("form", FormValidator.checkDefinition("form", json("[1, 2]")).get(0).field());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
