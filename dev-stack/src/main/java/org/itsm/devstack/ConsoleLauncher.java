package org.itsm.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The console's static server ({@link ConsoleServer}) as a detached process of the local platform, tracked by
 * a pid file like the other components. Ready when {@code /health} answers 200.
 */
public final class ConsoleLauncher extends ProcessComponent {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path dist;
    private final int port;
    private final ConsoleServer.Config config;
    private final ManagedProcess process;

    public ConsoleLauncher(Path dist, int port, ConsoleServer.Config config, Path logFile) {
        this.dist = dist.toAbsolutePath();
        this.port = port;
        this.config = config;
        this.process = new ManagedProcess(name(), logFile.resolveSibling(name() + ".pid"), logFile,
                ConsoleServer.class.getName());
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "console";
    }

    public boolean isBuilt() {
        return Files.isRegularFile(dist.resolve("index.html"));
    }

    @Override
    public void start() {
        if (!isRunning()) {
            if (!isBuilt()) {
                throw new IllegalStateException("console: " + dist + " has no build (cd console && npm ci && npm run build)");
            }
            List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx48m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", ownClassPath(), ConsoleServer.class.getName(), dist.toString(),
                    Integer.toString(port), config.gatewayUrl(), config.keycloakUrl(), config.realm(), config.clientId());
            process.start(command, Map.of(), process.logFile().getParent());
        }
        process.awaitReady(this::isReady, START_TIMEOUT);
    }

    /** Where this class was loaded from (the dev-stack jar, or target/classes): the server needs only the JDK. */
    private static String ownClassPath() {
        try {
            return Path.of(ConsoleServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        process.stop("TERM", STOP_TIMEOUT);
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answersOk("http://127.0.0.1:" + port + "/health");
    }

    public String url() {
        return "http://localhost:" + port;
    }
}
