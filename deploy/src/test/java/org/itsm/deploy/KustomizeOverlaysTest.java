package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.itsm.deploy.Manifests.find;
import static org.itsm.deploy.Manifests.id;
import static org.itsm.deploy.Manifests.kind;
import static org.itsm.deploy.Manifests.name;
import static org.itsm.deploy.Manifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders both overlays with kubectl kustomize and checks the result. */
class KustomizeOverlaysTest {

    static final Map<String, String> NAMESPACES = Map.of("dev", "itsm-dev", "prod", "itsm");
    static final Map<String, String> SERVICES = Map.of(
            "incident-service", "incident", "change-service", "change",
            "problem-service", "problem", "catalog-service", "catalog", "notification-service", "notification");
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    @BeforeAll
    static void requireKubectl() {
        Manifests.requireTool(Manifests.kubectl(), "kubectl", "it ships with the Google Cloud SDK or from https://dl.k8s.io");
    }

    static List<JsonNode> render(String overlay) {
        return Manifests.kustomize("overlays/" + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void followsThePolicy(String overlay) {
        List<ManifestPolicy.Violation> violations = ManifestPolicy.check(render(overlay));
        assertEquals(List.of(), violations, () -> overlay + " breaks the rules:\n"
                + violations.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void isValidAgainstTheSchemas(String overlay) {
        List<String> errors = new ArrayList<>();
        for (JsonNode doc : render(overlay)) {
            errors.addAll(SchemaValidator.validate(doc));
        }
        assertEquals(List.of(), errors, () -> overlay + " has schema errors:\n" + String.join("\n", errors));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsInTheOverlayNamespace(String overlay) {
        for (JsonNode doc : render(overlay)) {
            if (!CLUSTER_SCOPED.contains(kind(doc))) {
                assertEquals(NAMESPACES.get(overlay), doc.path("metadata").path("namespace").asText(), id(doc));
            }
        }
        assertTrue(find(render(overlay), "Namespace", NAMESPACES.get(overlay)).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void hasTheSixServicesAndTheirOperatorResources(String overlay) {
        List<JsonNode> docs = render(overlay);
        Set<String> deployments = ofKind(docs, "Deployment").stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("incident-service", "change-service", "problem-service", "catalog-service",
                "notification-service", "gateway", "console")), deployments);
        assertEquals(1, ofKind(docs, "Kafka").size());
        assertFalse(ofKind(docs, "KafkaNodePool").isEmpty());
        assertEquals(1, ofKind(docs, "Keycloak").size());
        assertEquals(1, ofKind(docs, "KeycloakRealmImport").size());
        Set<String> clusters = ofKind(docs, "Cluster").stream().map(Manifests::name).collect(Collectors.toSet());
        assertEquals(Set.of("incident-db", "change-db", "problem-db", "catalog-db", "notification-db", "keycloak-db"), clusters);
        assertEquals(Set.of(), ofKind(docs, "Secret").stream().map(Manifests::name).collect(Collectors.toSet()),
                "no Secret belongs in the manifests: the operators create them");
    }

    /** Service names, ports, secret names and URLs in the settings point at resources that exist. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void settingsReferToRealResources(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        JsonNode platform = find(docs, "ConfigMap", "itsm-platform").orElseThrow().path("data");

        String kafka = name(ofKind(docs, "Kafka").get(0));
        assertEquals(kafka + "-kafka-bootstrap:9092", platform.path("KAFKA_BOOTSTRAP_SERVERS").asText());

        JsonNode keycloak = ofKind(docs, "Keycloak").get(0);
        URI oidc = URI.create(platform.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        assertEquals(name(keycloak) + "-service", oidc.getHost());
        assertEquals(keycloak.path("spec").path("http").path("httpEnabled").asBoolean() ? 8080 : 8443, oidc.getPort());
        assertEquals("/realms/itsm", oidc.getPath());
        String publicUrl = keycloak.path("spec").path("hostname").path("hostname").asText();
        assertEquals(publicUrl + "/realms/itsm", platform.path("QUARKUS_OIDC_TOKEN_ISSUER").asText(),
                "tokens carry Keycloak's public hostname as issuer");
        assertTrue(keycloak.path("spec").path("hostname").path("backchannelDynamic").asBoolean(),
                "services reach Keycloak in-cluster while the issuer stays the public URL");
        JsonNode keycloakIngress = find(docs, "Ingress", "keycloak").orElseThrow();
        assertEquals(URI.create(publicUrl).getHost(), keycloakIngress.path("spec").path("rules").path(0).path("host").asText());
        assertEquals(name(keycloak) + "-service", keycloakIngress.path("spec").path("rules").path(0).path("http").path("paths")
                .path(0).path("backend").path("service").path("name").asText());

        JsonNode kcDb = find(docs, "Cluster", "keycloak-db").orElseThrow();
        assertEquals("keycloak-db-rw", keycloak.path("spec").path("db").path("host").asText());
        assertEquals(kcDb.path("spec").path("bootstrap").path("initdb").path("database").asText(),
                keycloak.path("spec").path("db").path("database").asText());
        assertEquals("keycloak-db-app", keycloak.path("spec").path("db").path("passwordSecret").path("name").asText());

        for (Map.Entry<String, String> e : SERVICES.entrySet()) {
            String service = e.getKey();
            String db = e.getValue();
            JsonNode config = find(docs, "ConfigMap", service + "-config").orElseThrow().path("data");
            JsonNode cluster = find(docs, "Cluster", db + "-db").orElseThrow(() -> new AssertionError("no Cluster " + db + "-db"));
            assertEquals(db, cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
            assertEquals(db, cluster.path("spec").path("bootstrap").path("initdb").path("owner").asText());
            assertEquals("postgresql://" + db + "-db-rw:5432/" + db, config.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText());
            assertEquals("jdbc:postgresql://" + db + "-db-rw:5432/" + db, config.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            JsonNode container = find(docs, "Deployment", service).orElseThrow().path("spec").path("template").path("spec")
                    .path("containers").path(0);
            int port = container.path("ports").path(0).path("containerPort").asInt();
            assertEquals(String.valueOf(port), config.path("QUARKUS_HTTP_PORT").asText());
            for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode ref = envVar(container, var).path("valueFrom").path("secretKeyRef");
                assertEquals(db + "-db-app", ref.path("name").asText(), service + " " + var + " comes from the CloudNativePG secret");
            }
            assertEquals("username", envVar(container, "QUARKUS_DATASOURCE_USERNAME").path("valueFrom").path("secretKeyRef").path("key").asText());
            assertEquals("password", envVar(container, "QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef").path("key").asText());
        }

        JsonNode gateway = find(docs, "ConfigMap", "gateway-config").orElseThrow().path("data");
        for (String service : SERVICES.keySet()) {
            String key = "ITSM_GATEWAY_UPSTREAMS_" + service.substring(0, service.indexOf('-')).toUpperCase();
            URI upstream = URI.create(gateway.path(key).asText());
            JsonNode svc = find(docs, "Service", upstream.getHost()).orElseThrow(() -> new AssertionError(key + " names no Service"));
            assertEquals(upstream.getPort(), svc.path("spec").path("ports").path(0).path("port").asInt(), key);
        }
        JsonNode gatewayIngress = find(docs, "Ingress", "gateway").orElseThrow();
        assertEquals("gateway", gatewayIngress.path("spec").path("rules").path(0).path("http").path("paths").path(0)
                .path("backend").path("service").path("name").asText());

        // the console's runtime configuration names the public gateway and Keycloak; the gateway admits its origin
        String scheme = "prod".equals(overlay) ? "https://" : "http://";
        JsonNode consoleConfig = Manifests.JSON.readTree(find(docs, "ConfigMap", "console-config").orElseThrow()
                .path("data").path("config.json").asText());
        assertEquals(scheme + gatewayIngress.path("spec").path("rules").path(0).path("host").asText(),
                consoleConfig.path("gatewayUrl").asText());
        assertEquals(publicUrl, consoleConfig.path("keycloakUrl").asText());
        assertEquals("itsm", consoleConfig.path("realm").asText());
        assertEquals("itsm-console", consoleConfig.path("clientId").asText());
        String consoleOrigin = scheme + find(docs, "Ingress", "console").orElseThrow().path("spec").path("rules").path(0)
                .path("host").asText();
        assertTrue(List.of(gateway.path("QUARKUS_HTTP_CORS_ORIGINS").asText().split(",")).contains(consoleOrigin),
                "the gateway's CORS admits the console's origin " + consoleOrigin);
        JsonNode consoleClient = StreamSupport.stream(ofKind(docs, "KeycloakRealmImport").get(0).path("spec").path("realm")
                .path("clients").spliterator(), false).filter(c -> "itsm-console".equals(c.path("clientId").asText()))
                .findFirst().orElseThrow();
        assertTrue(consoleClient.path("redirectUris").toString().contains(consoleOrigin + "/*"),
                "the realm lets the console at " + consoleOrigin + " sign in");
    }

    private static JsonNode envVar(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("name").asText());
    }

    @Test
    void devRunsOneOfEverything() {
        List<JsonNode> docs = render("dev");
        for (JsonNode hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            assertEquals(1, hpa.path("spec").path("minReplicas").asInt(), id(hpa));
            assertEquals(1, hpa.path("spec").path("maxReplicas").asInt(), id(hpa));
        }
        for (JsonNode pool : ofKind(docs, "KafkaNodePool")) {
            assertEquals(1, pool.path("spec").path("replicas").asInt());
        }
        for (JsonNode topic : ofKind(docs, "KafkaTopic")) {
            assertEquals(1, topic.path("spec").path("replicas").asInt(), id(topic));
        }
        JsonNode kafkaConfig = ofKind(docs, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertEquals(1, kafkaConfig.path("offsets.topic.replication.factor").asInt());
        for (JsonNode cluster : ofKind(docs, "Cluster")) {
            assertEquals(1, cluster.path("spec").path("instances").asInt(), id(cluster));
        }
    }

    @Test
    void prodIsHighlyAvailableAndEncrypted() {
        List<JsonNode> docs = render("prod");
        for (JsonNode hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2, id(hpa) + " runs several replicas");
        }
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            JsonNode antiAffinity = deployment.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity");
            assertFalse(antiAffinity.isMissingNode() || antiAffinity.isEmpty(), id(deployment) + " has pod anti-affinity");
            String app = name(deployment);
            for (JsonNode term : antiAffinity.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                assertEquals(app, term.path("podAffinityTerm").path("labelSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText(), id(deployment) + " spreads its own pods");
            }
        }
        for (JsonNode pdb : ofKind(docs, "PodDisruptionBudget")) {
            assertTrue(pdb.path("spec").path("minAvailable").asInt() >= 1, id(pdb));
            int min = ofKind(docs, "HorizontalPodAutoscaler").stream().filter(h -> name(h).equals(name(pdb)))
                    .findFirst().orElseThrow().path("spec").path("minReplicas").asInt();
            assertTrue(pdb.path("spec").path("minAvailable").asInt() < min, id(pdb) + " still lets a node drain");
        }
        for (JsonNode ingress : ofKind(docs, "Ingress")) {
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            ingress.path("spec").path("rules").forEach(r ->
                    assertTrue(tlsHosts.contains(r.path("host").asText()), id(ingress) + " serves " + r.path("host").asText() + " with TLS"));
            assertFalse(tlsHosts.isEmpty(), id(ingress) + " has TLS");
        }
        assertTrue(ofKind(docs, "Keycloak").get(0).path("spec").path("hostname").path("hostname").asText().startsWith("https://"));
        for (JsonNode topic : ofKind(docs, "KafkaTopic")) {
            assertEquals(3, topic.path("spec").path("replicas").asInt(), id(topic) + " replication 3 in prod");
            assertEquals("2", topic.path("spec").path("config").path("min.insync.replicas").asText(), id(topic));
        }
        JsonNode pool = ofKind(docs, "KafkaNodePool").get(0);
        assertTrue(pool.path("spec").path("replicas").asInt() >= 3);
        for (JsonNode cluster : ofKind(docs, "Cluster")) {
            assertTrue(cluster.path("spec").path("instances").asInt() >= 3, id(cluster));
            assertFalse(cluster.path("spec").path("backup").path("barmanObjectStore").isMissingNode(), id(cluster) + " is backed up");
            assertTrue(ofKind(docs, "ScheduledBackup").stream()
                    .anyMatch(b -> name(cluster).equals(b.path("spec").path("cluster").path("name").asText())),
                    id(cluster) + " has a ScheduledBackup");
        }
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            String image = deployment.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
            assertFalse(image.endsWith("SNAPSHOT"), id(deployment) + " runs a release image, not " + image);
        }
    }
}
