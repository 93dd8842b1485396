package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five Dockerfile.jvm (the Quarkus JVM layout, non-root, the service's port) and the console's static-site image. */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "change-service", "problem-service", "catalog-service", "notification-service", "gateway"})
    void quarkusJvmImage(String module) throws IOException {
        Path file = Manifests.repoRoot().resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.isRegularFile(file), file + " exists");
        List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        int port = DockerComposeTest.APPS.get(module);

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime")), "base image");
        for (String layer : List.of("lib/ /deployments/lib/", "*.jar /deployments/", "app/ /deployments/app/", "quarkus/ /deployments/quarkus/")) {
            assertTrue(lines.contains("COPY --chown=185 target/quarkus-app/" + layer), "copies " + layer);
        }
        assertTrue(lines.contains("USER 185"), "runs as user 185");
        assertTrue(lines.contains("EXPOSE " + port), "exposes " + port);
        String opts = lines.stream().filter(l -> l.startsWith("ENV JAVA_OPTS_APPEND=")).findFirst().orElseThrow();
        assertTrue(opts.contains("-Dquarkus.http.host=0.0.0.0") && opts.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"), opts);
        assertTrue(lines.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"));

        // the Kubernetes Deployment uses the same port and the image's user
        JsonNode deployment = Manifests.readYamlDocuments(Manifests.kubernetesDir().resolve("base/apps/" + module + "/deployment.yaml")).get(0);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertEquals(port, pod.path("containers").path(0).path("ports").path(0).path("containerPort").asInt());
        assertEquals(185, pod.path("securityContext").path("runAsUser").asInt());
    }

    @Test
    void consoleImageServesTheBuiltFilesUnprivileged() throws IOException {
        Path file = Manifests.repoRoot().resolve("console/Dockerfile");
        List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FROM nginxinc/nginx-unprivileged:")), "base image");
        assertTrue(lines.contains("COPY console/dist/ /usr/share/nginx/html/"), "the production build");
        assertTrue(lines.contains("COPY deploy/console/nginx.conf /etc/nginx/conf.d/default.conf"), "the compose site configuration");
        assertTrue(lines.contains("USER 101") && lines.contains("EXPOSE 8080"));
        // compose mounts the same site configuration and build output
        String composeImage = DockerComposeTest.compose().path("services").path("console").path("image").asText();
        assertTrue(lines.contains("FROM " + composeImage), "compose runs the same nginx as the image: " + composeImage);

        JsonNode deployment = Manifests.readYamlDocuments(Manifests.kubernetesDir().resolve("base/apps/console/deployment.yaml")).get(0);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertEquals(8080, pod.path("containers").path(0).path("ports").path(0).path("containerPort").asInt());
        assertEquals(101, pod.path("securityContext").path("runAsUser").asInt());
    }
}
