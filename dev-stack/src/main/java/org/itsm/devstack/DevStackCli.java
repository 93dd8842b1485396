package org.itsm.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ./itsm up | down | status | logs NAME [-f] | reset}: runs the whole platform locally, detached from
 * the terminal, with its state in {@code <repo>/.itsm}. The repository root comes from {@code -Ditsm.root}.
 */
public final class DevStackCli {

    private static final String PORTS_FILE = "ports.properties";
    private static final String USAGE = """
            Usage: ./itsm COMMAND
              up           start PostgreSQL, Kafka, Keycloak, the five services and the console (builds them if needed)
              down         stop everything ./itsm up started
              status       each component with its PID, address and health
              logs NAME    print a component's log (add -f to follow it)
              reset        down, then delete all local data (.itsm/)
            """;

    private final Path root;
    private final Path dataDir;

    private DevStackCli(Path root) {
        this.root = root;
        this.dataDir = DevStack.dataDir(root);
    }

    public static void main(String[] args) {
        DevStackCli cli = new DevStackCli(Path.of(System.getProperty("itsm.root", "")).toAbsolutePath().normalize());
        String command = args.length == 0 ? "" : args[0];
        int exitCode = switch (command) {
            case "up" -> cli.up();
            case "down" -> cli.down();
            case "status" -> cli.status();
            case "logs" -> args.length < 2 ? usage() : cli.logs(args[1], args.length > 2 && args[2].equals("-f"));
            case "reset" -> cli.reset();
            default -> usage();
        };
        System.exit(exitCode);
    }

    private static int usage() {
        System.err.print(USAGE);
        return 2;
    }

    private int up() {
        long startedAt = System.nanoTime();
        Optional<String> missing = missingFiles();
        if (missing.isPresent()) {
            System.err.println(missing.get());
            return 1;
        }
        DevStack stack = stackWithFreePorts();
        List<String> taken = takenFixedPorts(stack);
        if (!taken.isEmpty()) {
            System.err.println("These ports are in use by other processes; free them first:\n  " + String.join("\n  ", taken));
            return 1;
        }
        System.out.println("Data folder: " + dataDir);

        Set<InfrastructureComponent> started = ConcurrentHashMap.newKeySet();
        try {
            startInParallel(stack.infrastructure(), started);
            DevStack.SERVICES.stream().filter(service -> !service.isGateway())
                    .forEach(service -> stack.postgres().createDatabase(service.practice()));
            stack.kafka().createTopics(DevStack.TOPICS.toArray(String[]::new));
            startInParallel(stack.services(), started);
            if (stack.console().isBuilt()) {
                startInParallel(List.of(stack.console()), started);
            } else {
                System.out.println("  console            not built (needs Node.js 20 and npm: cd console && npm ci && npm run build)");
            }
        } catch (StartFailure failure) {
            System.err.println();
            failure.failures.forEach((component, error) -> System.err.println("FAILED: " + component.name() + " ("
                    + component.logFile() + ")\n" + error.getMessage().indent(4)));
            stopAll(stack, started);
            return 1;
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e.getMessage());
            stopAll(stack, started);
            return 1;
        }
        printWelcome(stack, Duration.ofNanos(System.nanoTime() - startedAt));
        return 0;
    }

    private int down() {
        DevStack stack = recordedStack();
        // The console and the services first (they hold connections to the rest), then the mail server, Keycloak,
        // Kafka, PostgreSQL.
        stopAndSay(stack.console());
        inParallel(stack.services(), this::stopAndSay);
        List.of(stack.mail(), stack.keycloak(), stack.kafka(), stack.postgres()).forEach(this::stopAndSay);
        System.out.println("Everything is stopped.");
        return 0;
    }

    private int status() {
        DevStack stack = recordedStack();
        String format = "%-18s %-8s %-48s %s%n";
        System.out.printf(format, "COMPONENT", "PID", "ADDRESS", "HEALTH");
        for (DevStack.Component component : stack.components()) {
            InfrastructureComponent launcher = component.launcher();
            String pid = launcher.pid().isPresent() ? Long.toString(launcher.pid().getAsLong()) : "-";
            String health = !launcher.isRunning() ? "stopped" : launcher.isReady() ? "ready" : "NOT READY";
            System.out.printf(format, launcher.name(), pid, component.address(), health);
        }
        return 0;
    }

    private int logs(String name, boolean follow) {
        List<InfrastructureComponent> all = recordedStack().components().stream().map(DevStack.Component::launcher).toList();
        Optional<InfrastructureComponent> component = all.stream().filter(launcher -> launcher.name().equals(name)).findFirst();
        if (component.isEmpty()) {
            System.err.println("No component named " + name + "; one of: "
                    + all.stream().map(InfrastructureComponent::name).collect(Collectors.joining(", ")));
            return 2;
        }
        Path log = component.get().logFile();
        if (!Files.exists(log)) {
            System.err.println(name + " has no log yet (" + log + ")");
            return 1;
        }
        try (InputStream in = Files.newInputStream(log)) {
            OutputStream out = System.out;
            in.transferTo(out);
            while (follow) {
                ManagedProcess.sleep(Duration.ofMillis(500));
                in.transferTo(out);
                out.flush();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private int reset() {
        down();
        FileTrees.deleteRecursively(dataDir);
        System.out.println("Deleted " + dataDir + ": the next ./itsm up starts from empty databases, topics and realm.");
        return 0;
    }

    private Optional<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(DevStack.realmFile(root))) {
            missing.add("the Keycloak realm file " + DevStack.realmFile(root));
        }
        DevStack.SERVICES.stream().map(service -> DevStack.serviceJar(root, service))
                .filter(jar -> !Files.isRegularFile(jar))
                .forEach(jar -> missing.add(jar + " (build it: mvn install -DskipTests)"));
        return missing.isEmpty() ? Optional.empty() : Optional.of("Missing:\n  " + String.join("\n  ", missing));
    }

    /**
     * PostgreSQL and Keycloak's management interface use their usual ports unless another program holds them;
     * then any free port, said aloud, recorded so that status and down find them again.
     */
    private DevStack stackWithFreePorts() {
        DevStack recorded = recordedStack();
        int postgresPort = recorded.postgres().isRunning() ? recorded.postgres().port()
                : choosePort("PostgreSQL", DevStack.PREFERRED_POSTGRES_PORT);
        int managementPort = recorded.keycloak().isRunning() ? recorded.keycloak().managementPort()
                : choosePort("Keycloak's management interface", DevStack.PREFERRED_KEYCLOAK_MANAGEMENT_PORT);
        Properties ports = new Properties();
        ports.setProperty("postgres", Integer.toString(postgresPort));
        ports.setProperty("keycloak.management", Integer.toString(managementPort));
        try {
            Files.createDirectories(dataDir);
            try (Writer out = Files.newBufferedWriter(dataDir.resolve(PORTS_FILE))) {
                ports.store(out, "Ports chosen by ./itsm up");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DevStack(root, postgresPort, managementPort);
    }

    private static int choosePort(String what, int preferred) {
        if (Ports.isFree(preferred)) {
            return preferred;
        }
        int port = Ports.freePort();
        System.out.println(what + ": port " + preferred + " is taken, using port " + port + " instead.");
        return port;
    }

    /** The stack on the ports the last `up` recorded (the usual ones when there was none). */
    private DevStack recordedStack() {
        Properties ports = new Properties();
        Path file = dataDir.resolve(PORTS_FILE);
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                ports.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DevStack(root,
                Integer.parseInt(ports.getProperty("postgres", Integer.toString(DevStack.PREFERRED_POSTGRES_PORT))),
                Integer.parseInt(ports.getProperty("keycloak.management",
                        Integer.toString(DevStack.PREFERRED_KEYCLOAK_MANAGEMENT_PORT))));
    }

    /** The fixed ports that some other program holds (ours, already running, are fine). */
    private static List<String> takenFixedPorts(DevStack stack) {
        List<String> taken = new ArrayList<>();
        if (!stack.mail().isRunning()) {
            checkFree(DevStack.SMTP_PORT, "mail (SMTP)", taken);
            checkFree(DevStack.IMAP_PORT, "mail (IMAP)", taken);
            checkFree(DevStack.MAIL_API_PORT, "mail (API)", taken);
        }
        if (!stack.kafka().isRunning()) {
            checkFree(DevStack.KAFKA_PORT, "Kafka", taken);
            checkFree(DevStack.KAFKA_CONTROLLER_PORT, "Kafka controller", taken);
        }
        if (!stack.keycloak().isRunning()) {
            checkFree(DevStack.KEYCLOAK_PORT, "Keycloak", taken);
        }
        if (!stack.console().isRunning() && stack.console().isBuilt()) {
            checkFree(DevStack.CONSOLE_PORT, "console", taken);
        }
        for (int i = 0; i < DevStack.SERVICES.size(); i++) {
            if (!stack.services().get(i).isRunning()) {
                checkFree(DevStack.SERVICES.get(i).port(), DevStack.SERVICES.get(i).name(), taken);
            }
        }
        return taken;
    }

    private static void checkFree(int port, String what, List<String> taken) {
        if (!Ports.isFree(port)) {
            taken.add(port + " (" + what + ")");
        }
    }

    /** Starts the components side by side; on any failure throws with each failed one's error. */
    private static void startInParallel(List<InfrastructureComponent> components, Set<InfrastructureComponent> started) {
        System.out.println("Starting " + components.stream().map(InfrastructureComponent::name)
                .collect(Collectors.joining(", ")) + " ...");
        Map<InfrastructureComponent, RuntimeException> failures = new ConcurrentHashMap<>();
        inParallel(components, component -> {
            long begin = System.nanoTime();
            boolean wasRunning = component.isRunning();
            if (!wasRunning) {
                started.add(component); // stopped again on failure, even if only half started
            }
            try {
                component.start();
                System.out.printf("  %-18s %s (%.1f s)%n", component.name(), wasRunning ? "was already running" : "ready",
                        (System.nanoTime() - begin) / 1e9);
            } catch (RuntimeException e) {
                failures.put(component, e);
            }
        });
        if (!failures.isEmpty()) {
            throw new StartFailure(failures);
        }
    }

    /** One thread each: the actions block, mostly waiting, and the common pool may have a single thread. */
    private static <T> void inParallel(List<T> items, Consumer<T> action) {
        ExecutorService executor = Executors.newFixedThreadPool(items.size());
        try {
            CompletableFuture.allOf(items.stream()
                    .map(item -> CompletableFuture.runAsync(() -> action.accept(item), executor))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            executor.shutdown();
        }
    }

    private static final class StartFailure extends RuntimeException {
        private final Map<InfrastructureComponent, RuntimeException> failures;

        StartFailure(Map<InfrastructureComponent, RuntimeException> failures) {
            super(failures.keySet().stream().map(InfrastructureComponent::name).collect(Collectors.joining(", "))
                    + " failed to start");
            this.failures = failures;
        }
    }

    /** Stops what this run started, in reverse start order (services first). */
    private void stopAll(DevStack stack, Set<InfrastructureComponent> started) {
        System.err.println("Stopping what this run started ...");
        List<InfrastructureComponent> all = new ArrayList<>(stack.components().stream().map(DevStack.Component::launcher).toList());
        Collections.reverse(all);
        all.stream().filter(started::contains).forEach(this::stopAndSay);
    }

    private void stopAndSay(InfrastructureComponent component) {
        boolean wasRunning = component.isRunning();
        component.stop(); // also clears a stale pid file
        if (wasRunning) {
            System.out.println("  stopped " + component.name());
        }
    }

    private void printWelcome(DevStack stack, Duration elapsed) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nThe ITSM platform is up (%.1f s).%n%n", elapsed.toMillis() / 1000.0));
        if (stack.console().isRunning()) {
            text.append(String.format("  %-18s %s (sign in as agent/agent or requester/requester)%n", "console",
                    stack.console().url()));
        }
        text.append(String.format("  %-18s http://localhost:%d/api/v1%n", "gateway", port("gateway")));
        for (DevStack.Service service : DevStack.SERVICES) {
            String base = "http://localhost:" + service.port();
            text.append(String.format("  %-18s %s/q/swagger-ui   %s/q/health%n", service.name(), base, base));
        }
        text.append(String.format("  %-18s %s/admin (%s / %s)%n", "Keycloak console", stack.keycloak().url(),
                KeycloakLauncher.ADMIN_USERNAME, KeycloakLauncher.ADMIN_PASSWORD));
        text.append(String.format("  %-18s %s (user %s), databases %s%n", "PostgreSQL",
                "127.0.0.1:" + stack.postgres().port(), stack.postgres().username(),
                DevStack.SERVICES.stream().filter(s -> !s.isGateway()).map(DevStack.Service::practice)
                        .collect(Collectors.joining(", "))));
        text.append(String.format("  %-18s %s%n", "Kafka", stack.kafka().bootstrapServers()));
        text.append(String.format("  %-18s SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d, API %s%n", "Mail (GreenMail)",
                stack.mail().smtpPort(), stack.mail().imapPort(), stack.mail().apiUrl()));
        text.append(String.format("%nDemo users (password = user name): %s%n", String.join(", ", DevStack.DEMO_USERS)));
        text.append(String.format("%nMailboxes: each demo user's mail (<user>@%s) over IMAP at 127.0.0.1:%d, login and"
                + " password = the user name, e.g.%n", MailServerLauncher.DOMAIN, stack.mail().imapPort()));
        text.append(String.format("  curl -s --url 'imap://127.0.0.1:%d/INBOX' --user requester:requester -X 'FETCH 1:* (BODY[HEADER.FIELDS (SUBJECT)])'%n",
                stack.mail().imapPort()));
        text.append(String.format("  curl -s --url 'imap://127.0.0.1:%d/INBOX;UID=1' --user requester:requester    (the first mail)%n",
                stack.mail().imapPort()));
        text.append(String.format("%nTry it:%n"));
        text.append(String.format("  TOKEN=$(curl -s %s/protocol/openid-connect/token -d grant_type=password -d client_id=%s"
                + " -d username=agent -d password=agent | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n",
                stack.keycloak().issuer(DevStack.REALM), DevStack.CLI_CLIENT));
        text.append(String.format("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/api/v1/incidents%n",
                port("gateway")));
        text.append(String.format("%nLogs: ./itsm logs NAME [-f]    Status: ./itsm status    Stop: ./itsm down%n"));
        System.out.print(text);
    }

    private static int port(String serviceName) {
        return DevStack.SERVICES.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElseThrow().port();
    }
}
