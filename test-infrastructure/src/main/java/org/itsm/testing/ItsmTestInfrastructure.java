package org.itsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.itsm.devstack.KafkaLauncher;
import org.itsm.devstack.Ports;
import org.itsm.devstack.PostgresLauncher;
import org.itsm.events.Topics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL and Kafka for a service's tests, started once per test JVM (use it with
 * {@code @WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true)})
 * through the same launchers as the dev stack. Also points quarkus-oidc at the {@link TestTokens} key.
 *
 * <p>Init arg {@code database}: the service's database name (default {@code itsm}).
 */
public class ItsmTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = Path.of("target", "test-infrastructure").toAbsolutePath();

    /** One infrastructure per test JVM, shared by every instance Quarkus makes of this resource. */
    private static final Object LOCK = new Object();
    private static PostgresLauncher postgres;
    private static KafkaLauncher kafka;
    private static int users;

    private String database = "itsm";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        synchronized (LOCK) {
            if (postgres == null) {
                startInfrastructure();
            }
            users++;
            postgres.createDatabase(database);
        }

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // With a local public key and no server URL, quarkus-oidc verifies tokens without contacting Keycloak.
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    /**
     * Stops the infrastructure when its last user stops. When Quarkus swaps test resources between test classes, one
     * instance's stop can meet another's start: each instance locking only itself let the old stop terminate the
     * broker the new start had just launched ("kafka exited during start-up", with nothing in its log).
     */
    @Override
    public void stop() {
        synchronized (LOCK) {
            if (users == 0 || --users > 0) {
                return;
            }
            stopInfrastructure();
        }
    }

    private static void startInfrastructure() {
        deleteRecursively(ROOT);
        postgres = new PostgresLauncher(ROOT.resolve("postgres"), Ports.freePort());
        kafka = new KafkaLauncher(ROOT.resolve("kafka"), Ports.freePort(), Ports.freePort());
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(postgres::start),
                    CompletableFuture.runAsync(() -> {
                        kafka.start();
                        kafka.createTopics(Topics.allWithDeadLetters().toArray(String[]::new));
                    })).join();
        } catch (RuntimeException e) {
            stopInfrastructure();
            throw e;
        }
    }

    private static void stopInfrastructure() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    /** The started broker, for tests that stop and restart it. */
    public static KafkaLauncher kafka() {
        return kafka;
    }

    public static PostgresLauncher postgres() {
        return postgres;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
