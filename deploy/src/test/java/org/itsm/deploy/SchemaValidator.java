package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates manifests against JSON schemas, strictly: a field the schema does not know is an
 * error (like {@code kubectl apply --validate=strict} or kubeconform's strict mode).
 * <ul>
 *   <li>Kubernetes built-in kinds: the JSON schemas shipped in the fabric8
 *       {@code io.fabric8:kubernetes-model-*} jars from Maven Central (generated from the Kubernetes
 *       OpenAPI), unpacked by the build into {@code target/kubernetes-schemas}. They are tightened
 *       here: {@code additionalProperties: false} on every object type with declared properties,
 *       {@code IntOrString} and {@code Quantity} as the scalars they are on the wire, and the
 *       Java-generator keywords removed.</li>
 *   <li>Operator custom resources (Strimzi, CloudNativePG, Keycloak): hand-written schemas under
 *       {@code src/test/resources/crd-schemas/} covering the fields this repository uses (no
 *       registry reachable here publishes these CRDs' schemas).</li>
 * </ul>
 * A kind with no schema is itself an error, so nothing goes unvalidated.
 */
final class SchemaValidator {

    /** apiVersion/kind to fabric8 module and definition name. */
    private static final Map<String, String[]> BUILT_IN = Map.of(
            "v1/Service", new String[] {"core", "kubernetes_core_Service"},
            "v1/ConfigMap", new String[] {"core", "kubernetes_core_ConfigMap"},
            "v1/Secret", new String[] {"core", "kubernetes_core_Secret"},
            "v1/ServiceAccount", new String[] {"core", "kubernetes_core_ServiceAccount"},
            "v1/Namespace", new String[] {"core", "kubernetes_core_Namespace"},
            "apps/v1/Deployment", new String[] {"apps", "kubernetes_apps_Deployment"},
            "autoscaling/v2/HorizontalPodAutoscaler", new String[] {"autoscaling", "kubernetes_autoscaling_v2_HorizontalPodAutoscaler"},
            "policy/v1/PodDisruptionBudget", new String[] {"policy", "kubernetes_policy_v1_PodDisruptionBudget"},
            "networking.k8s.io/v1/Ingress", new String[] {"networking", "kubernetes_networking_v1_Ingress"},
            "networking.k8s.io/v1/NetworkPolicy", new String[] {"networking", "kubernetes_networking_v1_NetworkPolicy"});

    /** apiVersion/kind to the hand-written CRD schema (test resource). */
    private static final Map<String, String> CUSTOM = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", "/crd-schemas/kafka.strimzi.io_v1beta2_Kafka.json",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "/crd-schemas/kafka.strimzi.io_v1beta2_KafkaNodePool.json",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "/crd-schemas/kafka.strimzi.io_v1beta2_KafkaTopic.json",
            "postgresql.cnpg.io/v1/Cluster", "/crd-schemas/postgresql.cnpg.io_v1_Cluster.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "/crd-schemas/postgresql.cnpg.io_v1_ScheduledBackup.json",
            "k8s.keycloak.org/v2beta1/Keycloak", "/crd-schemas/k8s.keycloak.org_v2beta1_Keycloak.json",
            "k8s.keycloak.org/v2beta1/KeycloakRealmImport", "/crd-schemas/k8s.keycloak.org_v2beta1_KeycloakRealmImport.json");

    private static final Set<String> JAVA_GENERATOR_KEYWORDS = Set.of(
            "javaType", "existingJavaType", "javaInterfaces", "javaOmitEmpty", "javaName", "javaEnumNames",
            "serializer", "deserializer", "interfaceImpls");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonNode> MODULES = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    static Path kubernetesSchemaDir() {
        String configured = System.getProperty("itsm.k8s.schema.dir");
        return configured != null ? Path.of(configured) : Manifests.deployDir().resolve("target/kubernetes-schemas");
    }

    static boolean knows(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        return BUILT_IN.containsKey(key) || CUSTOM.containsKey(key);
    }

    /** Errors of one manifest, each prefixed with the resource; empty when valid. */
    static List<String> validate(JsonNode doc) {
        String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        String resource = Manifests.id(doc);
        if (!knows(doc.path("apiVersion").asText(), doc.path("kind").asText())) {
            return List.of(resource + ": no schema for " + key);
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(key, SchemaValidator::load);
        Set<ValidationMessage> messages = schema.validate(doc);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            errors.add(resource + ": " + m.getMessage());
        }
        return errors;
    }

    private static JsonSchema load(String key) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        if (CUSTOM.containsKey(key)) {
            try (InputStream in = SchemaValidator.class.getResourceAsStream(CUSTOM.get(key))) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + CUSTOM.get(key));
                }
                return FACTORY.getSchema(Manifests.JSON.readTree(in), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String[] target = BUILT_IN.get(key);
        JsonNode module = MODULES.computeIfAbsent(target[0], SchemaValidator::loadModule);
        if (!module.path("definitions").has(target[1])) {
            throw new IllegalStateException("fabric8 schema " + target[0] + " has no definition " + target[1]);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$ref", "#/definitions/" + target[1]);
        root.set("definitions", module.path("definitions"));
        return FACTORY.getSchema(root, config);
    }

    private static JsonNode loadModule(String module) {
        Path file = kubernetesSchemaDir().resolve(module).resolve("schema/validation-schema.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run the tests through Maven (mvn -f deploy/pom.xml verify),"
                    + " whose generate-test-resources phase unpacks the fabric8 schemas");
        }
        ObjectNode definitions = (ObjectNode) Manifests.readJson(file).path("definitions");
        ObjectNode strict = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = definitions.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            strict.set(e.getKey(), tighten(e.getKey(), e.getValue()));
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("definitions", strict);
        return root;
    }

    /** Makes one fabric8 definition strict and wire-accurate. */
    static JsonNode tighten(String name, JsonNode definition) {
        String javaType = definition.path("javaType").asText("");
        if (name.endsWith("_IntOrString") || javaType.endsWith(".IntOrString")) {
            return scalar("integer", "string");
        }
        if (name.endsWith("_Quantity") || javaType.endsWith(".Quantity")) {
            return scalar("string", "number");
        }
        if (name.endsWith("_RawExtension")) {
            return JsonNodeFactory.instance.objectNode();
        }
        return clean(definition);
    }

    private static JsonNode scalar(String... types) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode array = node.putArray("type");
        for (String t : types) {
            array.add(t);
        }
        return node;
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(clean(item)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (JAVA_GENERATOR_KEYWORDS.contains(key) || ("required".equals(key) && e.getValue().isBoolean())) {
                continue;
            }
            if ("properties".equals(key)) {
                // property names are data here, not keywords
                ObjectNode props = out.putObject("properties");
                e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), clean(p.getValue())));
                continue;
            }
            out.set(key, clean(e.getValue()));
        }
        if (out.has("properties") && (!out.has("additionalProperties") || out.path("additionalProperties").isBoolean())) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
