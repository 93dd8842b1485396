package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service's OpenAPI document and the gateway's merged one, as the running platform serves them, pass
 * {@code redocly lint} (the recommended rules, see openapi-lint/redocly.yaml) with no error. The linter comes from
 * the committed lockfile ({@code npm ci}), run by the machine's Node.js.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiLintIT {

    private static final Path LINT = Path.of("openapi-lint").toAbsolutePath();
    private static final Path DOCUMENTS = Path.of("target", "openapi").toAbsolutePath();

    @BeforeAll
    static void installTheLinter() throws Exception {
        if (!Files.isExecutable(LINT.resolve("node_modules/.bin/redocly"))) {
            Run npm = run(LINT, List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertEquals(0, npm.exit(), "npm ci in " + LINT + ":\n" + npm.output());
        }
        Files.createDirectories(DOCUMENTS);
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentLintsWithoutErrors() {
        return Stream.of("incident", "change", "problem", "catalog", "notification", "").map(name -> DynamicTest.dynamicTest(
                name.isEmpty() ? "merged" : name, () -> {
                    String document = given().get(PlatformExtension.gatewayUrl() + "/openapi"
                            + (name.isEmpty() ? "" : "/" + name) + "?format=json")
                            .then().statusCode(200).extract().asString();
                    Path file = DOCUMENTS.resolve((name.isEmpty() ? "merged" : name) + ".json");
                    Files.writeString(file, document, StandardCharsets.UTF_8);
                    Run lint = run(LINT, List.of(LINT.resolve("node_modules/.bin/redocly").toString(), "lint",
                            "--config", LINT.resolve("redocly.yaml").toString(), "--format", "stylish",
                            file.toString()));
                    System.out.printf("[OpenApiLintIT] %s:%n%s%n", file.getFileName(), lint.output());
                    assertEquals(0, lint.exit(), file.getFileName() + " has lint errors:\n" + lint.output());
                    assertTrue(document.contains("\"servers\""), file.getFileName() + " names no server");
                }));
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
