package org.itsm.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locating the repository, running external tools, reading YAML and JSON. */
final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The repository root (the parent of deploy/). */
    static Path repoRoot() {
        String configured = System.getProperty("itsm.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path deployDir() {
        return repoRoot().resolve("deploy");
    }

    static Path realmFile() {
        return deployDir().resolve("keycloak/itsm-realm.json");
    }

    static Path kubernetesDir() {
        return deployDir().resolve("kubernetes");
    }

    /** The kubectl binary, if one is on the PATH (or at KUBECTL). */
    static Optional<String> kubectl() {
        return executable("KUBECTL", "kubectl");
    }

    /**
     * Skips the calling test when a command-line tool is missing on a developer machine; fails it when
     * {@code ITSM_REQUIRE_TOOLS=true} (set by {@code .ci/run}), so CI can never go green without the check.
     */
    static String requireTool(Optional<String> tool, String name, String howToInstall) {
        String message = name + " is not installed (" + howToInstall + ")";
        if (tool.isEmpty() && "true".equals(System.getenv("ITSM_REQUIRE_TOOLS"))) {
            throw new AssertionError(message + " and ITSM_REQUIRE_TOOLS=true");
        }
        assumeTrue(tool.isPresent(), message + ": skipping");
        return tool.get();
    }

    /** docker-compose v1 (the Debian package) or nothing. */
    static Optional<String> dockerCompose() {
        return executable("DOCKER_COMPOSE", "docker-compose");
    }

    private static Optional<String> executable(String envOverride, String name) {
        String override = System.getenv(envOverride);
        if (override != null && Files.isExecutable(Path.of(override))) {
            return Optional.of(override);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    /** Result of an external command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Path workDir, String... command) {
        try {
            Path out = Files.createTempFile("itsm-deploy-", ".out");
            Path err = Files.createTempFile("itsm-deploy-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Renders a kustomization with {@code kubectl kustomize} (cached per run). The caller checks
     * that kubectl exists.
     */
    static List<JsonNode> kustomize(String relativeDir) {
        return RENDERED.computeIfAbsent(relativeDir, dir -> {
            Path path = kubernetesDir().resolve(dir);
            Result result = run(repoRoot(), kubectl().orElseThrow(), "kustomize", path.toString());
            if (result.exitCode() != 0) {
                Result version = run(repoRoot(), kubectl().orElseThrow(), "version", "--client");
                throw new AssertionError("kubectl kustomize " + path + " failed:\n" + result.stderr()
                        + "\n(these manifests need kustomize v5, i.e. kubectl 1.27 or later; this kubectl says:\n"
                        + version.stdout() + version.stderr() + ")");
            }
            return List.copyOf(readYamlDocuments(result.stdout()));
        });
    }

    static List<JsonNode> readYamlDocuments(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml);
             MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && !node.isEmpty()) {
                    docs.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<JsonNode> readYamlDocuments(Path file) {
        try {
            return readYamlDocuments(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readResourceDocuments(String resource) {
        try (var in = Manifests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return readYamlDocuments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kind(JsonNode doc) {
        return doc.path("kind").asText();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String id(JsonNode doc) {
        return kind(doc) + "/" + name(doc);
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    static Optional<JsonNode> find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(kind(d)) && name.equals(name(d))).findFirst();
    }

    /** Where two JSON trees differ, as "pointer: expected ... but was ..." lines (at most {@code limit}). */
    static List<String> diff(JsonNode expected, JsonNode actual, int limit) {
        List<String> out = new ArrayList<>();
        diff(expected, actual, "", out, limit);
        return out;
    }

    private static void diff(JsonNode expected, JsonNode actual, String path, List<String> out, int limit) {
        if (out.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(expected.path(n), actual.path(n), path + "/" + n, out, limit);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(expected.get(i), actual.get(i), path + "/" + i, out, limit);
            }
        } else {
            out.add((path.isEmpty() ? "/" : path) + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }
}
