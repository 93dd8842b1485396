package org.itsm.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole local platform as {@code ./itsm} runs it, in one place: which components, on which ports, with
 * which folders and wiring. Everything lives under {@code <repo>/.itsm}.
 */
public final class DevStack {

    public static final String REALM = "itsm";
    public static final int KEYCLOAK_PORT = 8180;
    /** The agent console's own origin (listed in the realm's itsm-console client and the gateway's CORS). */
    public static final int CONSOLE_PORT = 3000;
    public static final String CONSOLE_CLIENT = "itsm-console";
    static final int PREFERRED_KEYCLOAK_MANAGEMENT_PORT = 9000;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int PREFERRED_POSTGRES_PORT = 5432;
    /** The development mail server (GreenMail): SMTP, IMAP and its HTTP API. */
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int MAIL_API_PORT = 8025;
    static final List<String> DEMO_USERS = List.of("agent", "implementer", "requester", "requester2", "change-manager",
            "cab1", "cab2", "problem-manager", "catalog-manager", "admin");
    /** The service desk's mailbox, which notification-service reads over IMAP (login and password = this name). */
    static final String DESK_MAILBOX = "servicedesk";
    static final String CLI_CLIENT = "itsm-cli";
    // The packaged services may take a while when five of them start at once on a small machine.
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * A service module: its folder name, fixed HTTP port and ITSM practice, which names its database and its
     * gateway route (the gateway has none), and whether it publishes events on a topic of its own.
     */
    public record Service(String name, int port, String practice, boolean publishesEvents) {

        public Service(String name, int port, String practice) {
            this(name, port, practice, practice != null);
        }

        public boolean isGateway() {
            return practice == null;
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("incident-service", 8081, "incident"),
            new Service("change-service", 8082, "change"),
            new Service("problem-service", 8083, "problem"),
            new Service("catalog-service", 8084, "catalog"),
            new Service("notification-service", 8085, "notification"),
            new Service("gateway", 8080, null));

    /** One event topic per producing service, each with its dead-letter twin. */
    public static final List<String> TOPICS = SERVICES.stream()
            .filter(Service::publishesEvents)
            .map(service -> "itsm." + service.practice() + ".events")
            .flatMap(topic -> Stream.of(topic, topic + ".dlq"))
            .toList();

    /** A started component and where it listens, for the status table. */
    record Component(InfrastructureComponent launcher, String address) {
    }

    private final Path root;
    private final PostgresLauncher postgres;
    private final KafkaLauncher kafka;
    private final KeycloakLauncher keycloak;
    private final MailServerLauncher mail;
    private final List<QuarkusServiceLauncher> services = new ArrayList<>();
    private final ConsoleLauncher console;

    DevStack(Path root, int postgresPort, int keycloakManagementPort) {
        this(root, dataDir(root), postgresPort, keycloakManagementPort);
    }

    /** The same platform with its data elsewhere, e.g. for the end-to-end tests. */
    public DevStack(Path root, Path data, int postgresPort, int keycloakManagementPort) {
        this.root = root;
        this.postgres = new PostgresLauncher(data.resolve("postgres"), postgresPort);
        this.kafka = new KafkaLauncher(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        this.keycloak = new KeycloakLauncher(data.resolve("keycloak"), KEYCLOAK_PORT, keycloakManagementPort, realmFile(root));
        this.mail = new MailServerLauncher(data.resolve("mail"), SMTP_PORT, IMAP_PORT, MAIL_API_PORT,
                Stream.concat(DEMO_USERS.stream(), Stream.of(DESK_MAILBOX)).toList());
        for (Service service : SERVICES) {
            services.add(new QuarkusServiceLauncher(service.name(), serviceJar(root, service), service.port(),
                    serviceConfig(service), data.resolve("services").resolve(service.name() + ".log"),
                    SERVICE_START_TIMEOUT));
        }
        this.console = new ConsoleLauncher(consoleDist(root), CONSOLE_PORT, consoleConfig(),
                data.resolve("services").resolve("console.log"));
    }

    /** The built console ({@code npm run build} in console/). */
    public static Path consoleDist(Path root) {
        return root.resolve("console").resolve("dist");
    }

    /** What the console is told at run time: the gateway and Keycloak of this stack. */
    public ConsoleServer.Config consoleConfig() {
        return new ConsoleServer.Config("http://localhost:" + SERVICES.get(SERVICES.size() - 1).port(),
                keycloak.url(), REALM, CONSOLE_CLIENT);
    }

    static Path dataDir(Path root) {
        return root.resolve(".itsm");
    }

    static Path realmFile(Path root) {
        return root.resolve("deploy").resolve("keycloak").resolve("itsm-realm.json");
    }

    static Path serviceJar(Path root, Service service) {
        return root.resolve(service.name()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public PostgresLauncher postgres() {
        return postgres;
    }

    public KafkaLauncher kafka() {
        return kafka;
    }

    public KeycloakLauncher keycloak() {
        return keycloak;
    }

    public MailServerLauncher mail() {
        return mail;
    }

    public List<InfrastructureComponent> infrastructure() {
        return List.of(postgres, kafka, keycloak, mail);
    }

    public List<InfrastructureComponent> services() {
        return List.copyOf(services);
    }

    public ConsoleLauncher console() {
        return console;
    }

    /** Everything, in start order. */
    List<Component> components() {
        List<Component> all = new ArrayList<>(List.of(
                new Component(postgres, "127.0.0.1:" + postgres.port()),
                new Component(kafka, kafka.bootstrapServers()),
                new Component(keycloak, keycloak.url() + " (management :" + keycloak.managementPort() + ")"),
                new Component(mail, "smtp :" + mail.smtpPort() + ", imap :" + mail.imapPort() + ", " + mail.apiUrl())));
        for (int i = 0; i < SERVICES.size(); i++) {
            all.add(new Component(services.get(i), "http://localhost:" + SERVICES.get(i).port()));
        }
        all.add(new Component(console, console.url()));
        return all;
    }

    /** What each service is told through system properties: where its database, Kafka and Keycloak are. */
    private Map<String, String> serviceConfig(Service service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(service.port()));
        if (!service.isGateway()) {
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(service.practice()));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.practice()));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
        }
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer(REALM));
        if ("notification-service".equals(service.name())) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
            config.put("itsm.notification.directory.keycloak-url", keycloak.url());
            config.put("itsm.notification.console-url", "http://localhost:" + CONSOLE_PORT);
            config.put("itsm.notification.inbound.imap.host", "127.0.0.1");
            config.put("itsm.notification.inbound.imap.port", Integer.toString(mail.imapPort()));
            config.put("itsm.notification.inbound.imap.username", DESK_MAILBOX);
            config.put("itsm.notification.inbound.imap.password", DESK_MAILBOX);
            // a developer's webhook receiver runs on this machine: admit loopback targets here, never in production
            config.put("itsm.notification.webhooks.allowed-networks", "127.0.0.0/8");
        }
        if (service.isGateway()) {
            SERVICES.stream().filter(upstream -> !upstream.isGateway()).forEach(upstream -> config.put(
                    "itsm.gateway.upstreams." + upstream.practice(), "http://localhost:" + upstream.port()));
            // no trace collector in the dev stack: propagate trace context, export nothing
            config.put("quarkus.otel.traces.sampler.arg", "0");
        }
        return config;
    }
}
