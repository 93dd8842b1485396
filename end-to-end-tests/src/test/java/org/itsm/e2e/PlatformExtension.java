package org.itsm.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.itsm.devstack.DevStack;
import org.itsm.devstack.InfrastructureComponent;
import org.itsm.devstack.Ports;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once per test JVM exactly as {@code ./itsm up} starts it (same {@link DevStack}),
 * with its data under {@code target/}; stopped when the JVM's tests are done.
 */
public class PlatformExtension implements BeforeAllCallback, AutoCloseable {

    private static DevStack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack != null) {
            return;
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        DevStack candidate = new DevStack(root, Path.of("target", "e2e-stack").toAbsolutePath(), Ports.freePort(),
                Ports.freePort());
        stack = candidate;
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PlatformExtension.class.getName(), this);
        startInParallel(candidate.infrastructure());
        DevStack.SERVICES.stream().filter(service -> !service.isGateway())
                .forEach(service -> candidate.postgres().createDatabase(service.practice()));
        candidate.kafka().createTopics(DevStack.TOPICS.toArray(String[]::new));
        startInParallel(candidate.services());
    }

    @Override
    public void close() {
        List<InfrastructureComponent> all = new ArrayList<>(stack.services());
        all.add(stack.mail());
        all.add(stack.keycloak());
        all.add(stack.kafka());
        all.add(stack.postgres());
        all.forEach(InfrastructureComponent::stop);
    }

    public static DevStack stack() {
        return stack;
    }

    public static String gatewayUrl() {
        return "http://localhost:8080";
    }

    private static void startInParallel(List<InfrastructureComponent> components) {
        ExecutorService executor = Executors.newFixedThreadPool(components.size());
        try {
            CompletableFuture.allOf(components.stream()
                    .map(component -> CompletableFuture.runAsync(component::start, executor))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            executor.shutdown();
        }
    }
}
