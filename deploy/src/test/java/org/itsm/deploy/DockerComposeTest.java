package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml: valid for docker-compose, and consistent with the modules and deploy/. */
class DockerComposeTest {

    static final Map<String, Integer> APPS = Map.of("incident-service", 8081, "change-service", 8082,
            "problem-service", 8083, "catalog-service", 8084, "notification-service", 8085, "gateway", 8080);
    static final Map<String, String> DATABASES = Map.of("incident-service", "incident", "change-service", "change",
            "problem-service", "problem", "catalog-service", "catalog", "notification-service", "notification");

    /** docker-compose.yml with anchors and merge keys resolved. */
    static JsonNode compose() {
        try {
            String text = Files.readString(Manifests.repoRoot().resolve("docker-compose.yml"));
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return Manifests.JSON.valueToTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void dockerComposeAcceptsTheFile() {
        Manifests.requireTool(Manifests.dockerCompose(), "docker-compose", "apt-get install -y docker-compose");
        Manifests.Result result = Manifests.run(Manifests.repoRoot(), Manifests.dockerCompose().get(),
                "-f", "docker-compose.yml", "config", "-q");
        assertEquals(0, result.exitCode(), () -> "docker-compose config -q failed:\n" + result.stderr());
    }

    @Test
    void servicesAreBuiltFromTheModulesAndConfigured() {
        JsonNode services = compose().path("services");
        for (String infra : List.of("postgres", "kafka", "kafka-init", "keycloak")) {
            assertFalse(services.path(infra).isMissingNode(), "compose runs " + infra);
        }
        for (Map.Entry<String, Integer> app : APPS.entrySet()) {
            String name = app.getKey();
            int port = app.getValue();
            JsonNode service = services.path(name);
            assertFalse(service.isMissingNode(), "compose runs " + name);
            Path context = Manifests.repoRoot().resolve(service.path("build").path("context").asText());
            assertEquals(Manifests.repoRoot().resolve(name).normalize(), context.normalize(), name + " builds from its module");
            assertEquals("src/main/docker/Dockerfile.jvm", service.path("build").path("dockerfile").asText());
            JsonNode env = service.path("environment");
            assertEquals(String.valueOf(port), env.path("QUARKUS_HTTP_PORT").asText(), name);
            assertTrue(service.path("ports").toString().contains(port + ":" + port), name + " publishes " + port);
            assertTrue(service.path("healthcheck").path("test").toString().contains("/q/health/ready"), name + " health check");
            assertTrue(service.path("healthcheck").path("test").toString().contains("/" + port), name + " health check port");
            assertEquals("http://keycloak:8180/realms/itsm", env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText(), name);
            assertEquals("http://localhost:8180/realms/itsm", env.path("QUARKUS_OIDC_TOKEN_ISSUER").asText(), name);
            service.path("depends_on").fields().forEachRemaining(d ->
                    assertTrue(d.getValue().path("condition").asText().startsWith("service_"), name + " waits for " + d.getKey()));
            assertTrue(service.path("depends_on").has("keycloak"), name + " waits for Keycloak");
            if (DATABASES.containsKey(name)) {
                String db = DATABASES.get(name);
                assertEquals("postgresql://postgres:5432/" + db, env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText());
                assertEquals("jdbc:postgresql://postgres:5432/" + db, env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
                assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText());
                for (String dependency : List.of("postgres", "kafka", "kafka-init")) {
                    assertTrue(service.path("depends_on").has(dependency), name + " waits for " + dependency);
                }
            }
        }
        JsonNode gateway = services.path("gateway").path("environment");
        for (Map.Entry<String, Integer> app : APPS.entrySet()) {
            if (!"gateway".equals(app.getKey())) {
                String key = "ITSM_GATEWAY_UPSTREAMS_" + app.getKey().substring(0, app.getKey().indexOf('-')).toUpperCase();
                assertEquals("http://" + app.getKey() + ":" + app.getValue(), gateway.path(key).asText(), key);
            }
        }
    }

    @Test
    void keycloakImportsTheRealmAndIssuesForLocalhost() {
        JsonNode keycloak = compose().path("services").path("keycloak");
        String mount = keycloak.path("volumes").path(0).asText();
        assertTrue(mount.startsWith("./deploy/keycloak/itsm-realm.json:/opt/keycloak/data/import/"), mount);
        assertTrue(Files.isRegularFile(Manifests.realmFile()));
        assertTrue(keycloak.path("command").toString().contains("--import-realm"));
        assertTrue(keycloak.path("command").toString().contains("--http-port=8180"));
        assertEquals("http://localhost:8180", keycloak.path("environment").path("KC_HOSTNAME").asText());
        assertEquals("true", keycloak.path("environment").path("KC_HOSTNAME_BACKCHANNEL_DYNAMIC").asText());
        assertTrue(keycloak.path("ports").toString().contains("8180:8180"));
        URI issuer = URI.create(compose().path("services").path("gateway").path("environment").path("QUARKUS_OIDC_TOKEN_ISSUER").asText());
        assertEquals(keycloak.path("environment").path("KC_HOSTNAME").asText() + "/realms/itsm", issuer.toString());
    }

    @Test
    void postgresCreatesOneDatabasePerService() throws IOException {
        JsonNode postgres = compose().path("services").path("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:15"));
        String mount = postgres.path("volumes").path(0).asText();
        Path script = Manifests.repoRoot().resolve(mount.substring(0, mount.indexOf(':')));
        assertTrue(mount.contains(":/docker-entrypoint-initdb.d/"), mount);
        String sql = Files.readString(script);
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("CREATE DATABASE \"(\\w+)\"\\s+OWNER \"(\\w+)\"").matcher(sql);
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "each database is owned by its service's role");
            created.add(m.group(1));
        }
        assertEquals(new TreeSet<>(DATABASES.values()), created);
        JsonNode services = compose().path("services");
        for (Map.Entry<String, String> e : DATABASES.entrySet()) {
            JsonNode env = services.path(e.getKey()).path("environment");
            String user = env.path("QUARKUS_DATASOURCE_USERNAME").asText();
            String password = env.path("QUARKUS_DATASOURCE_PASSWORD").asText();
            assertTrue(sql.contains("CREATE ROLE \"" + user + "\"") && sql.contains("PASSWORD '" + password + "'"),
                    e.getKey() + " logs in with a role the init script creates");
        }
    }

    @Test
    void kafkaIsKraftAtTheClientsVersion() {
        JsonNode kafka = compose().path("services").path("kafka");
        assertTrue(kafka.path("image").asText().startsWith("apache/kafka:4.1."), kafka.path("image").asText());
        assertEquals("broker,controller", kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText());
        assertEquals("false", kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
    }
}
