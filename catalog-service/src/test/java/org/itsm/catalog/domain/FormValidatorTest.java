package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
