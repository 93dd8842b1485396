package org.itsm.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.itsm.devstack.ConsoleServer;
import org.itsm.devstack.DevStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent console in a real browser against the whole platform: serves the built console on its own origin
 * with the same static server {@code ./itsm up} uses, then runs the console's browser tests
 * ({@code console/browser-tests}, node's test runner driving Debian's Chromium through playwright-core) with the
 * platform's URLs, and asserts they pass. Screenshots of each screen in both languages land in
 * {@code target/console-screenshots/}.
 */
@ExtendWith(PlatformExtension.class)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    void consoleWorksInARealBrowser() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path consoleDir = root.resolve("console");
        boolean required = "true".equals(System.getenv("ITSM_REQUIRE_TOOLS"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                fail(CHROMIUM + " is missing (apt-get install chromium) and ITSM_REQUIRE_TOOLS=true");
            }
            Assumptions.abort(CHROMIUM + " is missing: apt-get install chromium");
        }
        assertTrue(Files.isRegularFile(DevStack.consoleDist(root).resolve("index.html")),
                "the console is not built: mvn -pl console package (npm ci && npm run build)");
        assertTrue(Files.isDirectory(consoleDir.resolve("node_modules").resolve("playwright-core")),
                "the console's packages are not installed: cd console && npm ci");

        Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        DevStack stack = PlatformExtension.stack();
        try (ConsoleServer console = ConsoleServer.start(DevStack.consoleDist(root), DevStack.CONSOLE_PORT,
                stack.consoleConfig())) {
            ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-concurrency=1",
                    "--test-reporter=spec", "browser-tests/")
                    .directory(consoleDir.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("CONSOLE_URL", console.url());
            builder.environment().put("GATEWAY_URL", stack.consoleConfig().gatewayUrl());
            builder.environment().put("KEYCLOAK_URL", stack.consoleConfig().keycloakUrl());
            builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
            builder.environment().put("CHROMIUM", CHROMIUM.toString());
            Process node = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(line -> {
                        System.out.println("[console browser tests] " + line);
                        output.append(line).append('\n');
                    });
                } catch (IOException e) {
                    output.append("reading the output failed: ").append(e).append('\n');
                }
            });
            reader.start();
            if (!node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                reader.join(5_000);
                fail("the browser tests did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + output);
            }
            reader.join(10_000);
            assertEquals(0, node.exitValue(), "the console's browser tests failed:\n" + output);
        }
    }
}
