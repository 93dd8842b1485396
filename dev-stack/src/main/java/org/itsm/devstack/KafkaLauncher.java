package org.itsm.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker (KRaft: broker and controller in one JVM) on 127.0.0.1, run from the
 * Kafka jars on this JVM's class path in a JVM of its own. The storage is formatted on first start and kept
 * across restarts.
 */
public final class KafkaLauncher extends ProcessComponent {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final Path dataDir;
    private final Path storageDir;
    private final Path serverProperties;
    private final int port;
    private final int controllerPort;
    private final ManagedProcess process;

    public KafkaLauncher(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.storageDir = this.dataDir.resolve("storage");
        this.serverProperties = this.dataDir.resolve("server.properties");
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = new ManagedProcess(name(), this.dataDir.resolve("kafka.pid"), this.dataDir.resolve("kafka.log"),
                "kafka.Kafka " + serverProperties);
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start() {
        if (!isRunning()) {
            writeConfiguration(); // every start: the ports may differ from the last run
            if (!Files.exists(storageDir.resolve("meta.properties"))) {
                process.runTool(javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties.toString()),
                        Map.of(), START_TIMEOUT);
            }
            process.start(javaCommand("kafka.Kafka", serverProperties.toString()), Map.of(), dataDir);
        }
        process.awaitReady(() -> Ports.isListening(port) && isReady(), START_TIMEOUT);
    }

    @Override
    public void stop() {
        process.stop("TERM", STOP_TIMEOUT);
    }

    /** Does the broker describe its cluster (with at least this node in it)? */
    @Override
    public boolean isReady() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet, with the broker's default partitions (3). */
    public void createTopics(String... names) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Arrays.stream(names).filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // a concurrent caller was first
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + Arrays.toString(names) + " on "
                    + bootstrapServers() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(config);
    }

    /**
     * A JVM on this JVM's class path, which holds the Kafka jars: the CLI's jar list, or in a test JVM
     * surefire's booter jar, whose manifest lists the real jars and so works as a class path too.
     */
    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(),
                "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                // C1 only: a third faster to start on a busy machine; a dev broker needs no peak throughput.
                "-XX:TieredStopAtLevel=1",
                // Quiet to WARN whichever SLF4J binding the class path brings: log4j2 (the CLI) or JBoss (Quarkus tests).
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                "-Dlogging.configuration=" + dataDir.resolve("logging.properties").toUri(),
                "-cp", absoluteClassPath()));
        // Quarkus test JVMs name the JBoss log manager; the broker on the same class path wants it too.
        Optional.ofNullable(System.getProperty("java.util.logging.manager"))
                .ifPresent(manager -> command.add("-Djava.util.logging.manager=" + manager));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** The broker runs in its own folder: relative class path entries must not depend on ours. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void writeConfiguration() {
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + storageDir,
                // One node: internal topics cannot have more than one replica.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                // Consumers get their partitions at once instead of after the default 3 s.
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "");
        String log4j2 = String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "");
        String jbossLogging = String.join("\n",
                "logger.level=WARN",
                "logger.handlers=out",
                "handler.out=org.jboss.logmanager.handlers.ConsoleHandler",
                "handler.out.formatter=pattern",
                "formatter.pattern=org.jboss.logmanager.formatters.PatternFormatter",
                "formatter.pattern.properties=pattern",
                "formatter.pattern.pattern=%d %-5p [%c{1}] %s%e%n",
                "");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(serverProperties, server);
            Files.writeString(dataDir.resolve("log4j2.properties"), log4j2);
            Files.writeString(dataDir.resolve("logging.properties"), jbossLogging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
