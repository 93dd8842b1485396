package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.itsm.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka topics provisioned by the deployment (Strimzi KafkaTopic resources, the compose
 * topic initialiser) are exactly the topics the services use: the constants of
 * {@link Topics} in the event contract, each with its dead-letter twin.
 */
class KafkaTopicsTest {

    /** The gateways' presence topic (gateway/README.md, mp.messaging.*.presence-*.topic). */
    static final String PRESENCE = "itsm.presence";

    /** Event topics and their dead-letter twins, as the services name them, and the gateways' presence topic. */
    static Set<String> expectedTopics() {
        Set<String> topics = new TreeSet<>(Topics.allWithDeadLetters());
        topics.add(PRESENCE);
        return topics;
    }

    static Set<String> topicNames(List<JsonNode> docs) {
        return Manifests.ofKind(docs, "KafkaTopic").stream()
                .map(t -> t.path("spec").path("topicName").asText(Manifests.name(t)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void baseTopicsMatchTheServices() {
        List<JsonNode> docs = Manifests.readYamlDocuments(Manifests.kubernetesDir().resolve("base/kafka/topics.yaml"));
        assertEquals(expectedTopics(), topicNames(docs));
        for (JsonNode topic : docs) {
            assertEquals("itsm-kafka", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), Manifests.id(topic));
            assertTrue(topic.path("spec").path("config").has("retention.ms"), Manifests.id(topic) + " has a retention");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void renderedTopicsMatchTheServices(String overlay) {
        Manifests.requireTool(Manifests.kubectl(), "kubectl", "it ships with the Google Cloud SDK or from https://dl.k8s.io");
        List<JsonNode> docs = Manifests.kustomize("overlays/" + overlay);
        assertEquals(expectedTopics(), topicNames(docs));
        String cluster = Manifests.name(Manifests.ofKind(docs, "Kafka").get(0));
        for (JsonNode topic : Manifests.ofKind(docs, "KafkaTopic")) {
            assertEquals(cluster, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), Manifests.id(topic));
        }
    }

    /** docker-compose's kafka-init creates the same topics. */
    @Test
    void composeCreatesTheSameTopics() {
        JsonNode compose = DockerComposeTest.compose();
        String script = String.join("\n", Manifests.JSON.convertValue(
                compose.path("services").path("kafka-init").path("command"), List.class));
        Matcher loop = Pattern.compile("for t in ([^;]+);").matcher(script);
        assertTrue(loop.find(), "kafka-init loops over the topics: " + script);
        Set<String> created = new TreeSet<>();
        for (String topic : loop.group(1).trim().split("\\s+")) {
            created.add(topic);
            if (script.contains("\"$$t.dlq\"") || script.contains("\"$t.dlq\"")) {
                created.add(topic + ".dlq");
            }
        }
        if (script.contains("--topic " + PRESENCE + " ")) {
            created.add(PRESENCE);
        }
        assertEquals(expectedTopics(), created);
    }

    /** Topics named literally in the services' configuration exist in the deployment. */
    @Test
    void servicesConfigurationNamesOnlyProvisionedTopics() throws IOException {
        Set<String> expected = expectedTopics();
        Pattern literal = Pattern.compile("=\\s*(itsm\\.[A-Za-z0-9._-]+)\\s*$");
        Set<String> unknown = new LinkedHashSet<>();
        for (String module : List.of("incident-service", "change-service", "problem-service", "catalog-service",
                "notification-service", "gateway")) {
            Path resources = Manifests.repoRoot().resolve(module).resolve("src/main/resources");
            if (!Files.isDirectory(resources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        Matcher m = literal.matcher(line);
                        if (!line.trim().startsWith("#") && line.contains(".topic") && m.find() && !expected.contains(m.group(1))) {
                            unknown.add(Manifests.repoRoot().relativize(file) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown, "topics used by the services but not provisioned by deploy/");
    }
}
