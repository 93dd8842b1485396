package org.itsm.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A development mail server: GreenMail standalone ({@code com.icegreen:greenmail-standalone}, which the dev-stack
 * build puts into the local Maven repository) in a JVM of its own on 127.0.0.1, with SMTP, IMAP and its HTTP API.
 * Each demo user has a mailbox {@code <user>@itsm.example.org} (IMAP login and password = the user name); mail to
 * any other address is accepted too. Mail lives in memory: a restart empties the mailboxes.
 */
public final class MailServerLauncher extends ProcessComponent {

    public static final String DOMAIN = "itsm.example.org";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Path dataDir;
    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final List<String> users;
    private final ManagedProcess process;

    public MailServerLauncher(Path dataDir, int smtpPort, int imapPort, int apiPort, List<String> users) {
        this.dataDir = dataDir.toAbsolutePath();
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.users = List.copyOf(users);
        this.process = new ManagedProcess(name(), this.dataDir.resolve("mail.pid"), this.dataDir.resolve("mail.log"),
                "greenmail-standalone");
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void start() {
        if (!isRunning()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            process.start(command(), Map.of(), dataDir);
        }
        process.awaitReady(this::isReady, START_TIMEOUT);
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort));
        if (!users.isEmpty()) {
            command.add("-Dgreenmail.users=" + users.stream().map(user -> user + ":" + user + "@" + DOMAIN)
                    .collect(Collectors.joining(",")));
        }
        command.addAll(List.of("-jar", standaloneJar().toString()));
        return command;
    }

    @Override
    public void stop() {
        process.stop("TERM", STOP_TIMEOUT);
    }

    @Override
    public boolean isReady() {
        return Ports.isListening(smtpPort) && Ports.isListening(imapPort)
                && HttpProbe.answersOk("http://127.0.0.1:" + apiPort + "/api/service/readiness");
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** GreenMail's HTTP API and web page (users, messages). */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The standalone jar in the local Maven repository (fetched by the dev-stack build). */
    static Path standaloneJar() {
        Properties build = new Properties();
        try (InputStream in = MailServerLauncher.class.getResourceAsStream("dev-stack.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = build.getProperty("greenmail.version");
        String localRepository = System.getProperty("maven.repo.local", build.getProperty("maven.local.repository"));
        String artifact = "greenmail-standalone-" + version + ".jar";
        List<Path> candidates = new ArrayList<>();
        if (localRepository != null) {
            candidates.add(Path.of(localRepository));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        return candidates.stream()
                .map(repo -> repo.resolve(Path.of("com", "icegreen", "greenmail-standalone", version, artifact)))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("GreenMail " + artifact + " is not in the local Maven"
                        + " repository (" + candidates + "). Fetch it with `mvn -pl dev-stack install -DskipTests`."));
    }
}
