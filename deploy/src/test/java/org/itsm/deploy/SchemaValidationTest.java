package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema validation itself: valid manifests pass, each kind of mistake is caught. */
class SchemaValidationTest {

    @Test
    void compliantFixtureIsValid() {
        for (JsonNode doc : Manifests.readResourceDocuments("/fixtures/compliant.yaml")) {
            assertEquals(List.of(), SchemaValidator.validate(doc));
        }
    }

    @Test
    void mistakesAreCaught() {
        List<JsonNode> docs = Manifests.readResourceDocuments("/fixtures/schema-broken.yaml");
        String deployment = String.join("\n", SchemaValidator.validate(docs.get(0)));
        assertTrue(deployment.contains("readinesProbe"), () -> "misspelt field not reported: " + deployment);
        assertTrue(deployment.contains("containerPort"), () -> "string port not reported: " + deployment);

        String topic = String.join("\n", SchemaValidator.validate(docs.get(1)));
        assertTrue(topic.contains("replicas"), () -> "wrong type not reported: " + topic);
        assertTrue(topic.contains("retention"), () -> "unknown field not reported: " + topic);

        String cluster = String.join("\n", SchemaValidator.validate(docs.get(2)));
        assertTrue(cluster.contains("primaryUpdateStrategy"), () -> "bad enum value not reported: " + cluster);

        assertEquals(List.of("Unknown/mystery: no schema for example.org/v1/Unknown"), SchemaValidator.validate(docs.get(3)));
    }

    @Test
    void intOrStringAndQuantitiesAcceptBothForms() {
        JsonNode doc = Manifests.readResourceDocuments("/fixtures/compliant.yaml").get(0);
        var copy = Manifests.copy(doc);
        var container = (com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec").path("template").path("spec")
                .path("containers").path(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) container.path("livenessProbe").path("httpGet")).put("port", 8090);
        ((com.fasterxml.jackson.databind.node.ObjectNode) container.path("resources").path("limits")).put("cpu", 2);
        assertEquals(List.of(), SchemaValidator.validate(copy));
    }
}
