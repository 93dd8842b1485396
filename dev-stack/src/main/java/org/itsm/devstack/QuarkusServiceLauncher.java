package org.itsm.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, configured
 * through system properties. Ready when {@code /q/health/ready} answers 200. Its pid file sits beside its log.
 */
public final class QuarkusServiceLauncher extends ProcessComponent {

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path quarkusRunJar;
    private final int port;
    private final Map<String, String> config;
    private final Duration startTimeout;
    private final ManagedProcess process;

    public QuarkusServiceLauncher(String name, Path quarkusRunJar, int port, Map<String, String> config, Path logFile) {
        this(name, quarkusRunJar, port, config, logFile, DEFAULT_START_TIMEOUT);
    }

    public QuarkusServiceLauncher(String name, Path quarkusRunJar, int port, Map<String, String> config, Path logFile,
            Duration startTimeout) {
        this.name = name;
        this.quarkusRunJar = quarkusRunJar.toAbsolutePath();
        this.port = port;
        this.config = new LinkedHashMap<>(config);
        this.config.put("quarkus.http.port", Integer.toString(port)); // the port the health check probes
        this.startTimeout = startTimeout;
        this.process = new ManagedProcess(name, logFile.resolveSibling(name + ".pid"), logFile,
                "-jar " + this.quarkusRunJar);
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        if (!isRunning()) {
            if (!quarkusRunJar.toFile().isFile()) {
                throw new IllegalStateException(name + ": " + quarkusRunJar + " does not exist; build it first"
                        + " (mvn install -DskipTests)");
            }
            // Full tiered JIT: C1 alone starts a little sooner but serves far slower, and these are the processes
            // users and the benchmarks measure. Serial GC and a small heap keep five services within a laptop.
            List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(),
                    "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", quarkusRunJar.toString()));
            process.start(command, Map.of(), process.logFile().getParent());
        }
        process.awaitReady(this::isReady, startTimeout);
    }

    /** SIGTERM, which Quarkus answers with a graceful shutdown; SIGKILL if it takes too long. */
    @Override
    public void stop() {
        process.stop("TERM", STOP_TIMEOUT);
    }

    /** SIGKILL at once, as a crash would (for fault tests). */
    public void kill() {
        process.kill();
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answersOk("http://127.0.0.1:" + port + "/q/health/ready");
    }

    public int port() {
        return port;
    }
}
