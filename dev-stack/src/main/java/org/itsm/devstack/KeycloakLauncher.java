package org.itsm.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Keycloak server from the official distribution ({@code org.keycloak:keycloak-quarkus-dist} zip, which the
 * dev-stack build puts into the local Maven repository). Unpacked into {@code dataDir} on first start and
 * built once for a file database with health checks; its realm file is imported on start.
 */
public final class KeycloakLauncher extends ProcessComponent {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    // The first start on a small machine creates the database schema: allow for it.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    // Build-time options: `start --optimized` must be given the same ones.
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true", "--cache=local");
    private static final Properties BUILD_PROPERTIES = loadBuildProperties();
    private static final Pattern REALM_NAME = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");

    private final Path dataDir;
    private final int httpPort;
    private final int managementPort;
    private final Path realmFile;
    private final String version;
    private final Path home;
    private final ManagedProcess process;

    public KeycloakLauncher(Path dataDir, int httpPort, int managementPort, Path realmFile) {
        this.dataDir = dataDir.toAbsolutePath();
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.realmFile = realmFile.toAbsolutePath();
        this.version = BUILD_PROPERTIES.getProperty("keycloak.version");
        this.home = this.dataDir.resolve("keycloak-" + version);
        this.process = new ManagedProcess(name(), this.dataDir.resolve("keycloak.pid"),
                this.dataDir.resolve("keycloak.log"), kcScript().toString());
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public void start() {
        if (!isRunning()) {
            unpackDistribution();
            buildOnce();
            stageRealmImport();
            List<String> command = new ArrayList<>(List.of(kcScript().toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    // A fixed issuer: tokens fetched via 127.0.0.1 must still be valid for services that expect localhost.
                    "--hostname=" + url(), "--import-realm"));
            command.addAll(BUILD_OPTIONS);
            process.start(command, environment(), home);
        }
        process.awaitReady(this::isReady, START_TIMEOUT);
    }

    @Override
    public void stop() {
        process.stop("TERM", STOP_TIMEOUT);
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answersOk("http://127.0.0.1:" + managementPort + "/health/ready")
                && realmName().map(realm -> HttpProbe.answersOk(
                        "http://127.0.0.1:" + httpPort + "/realms/" + realm + "/.well-known/openid-configuration"))
                .orElse(true);
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    public int port() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    private Path kcScript() {
        return home.resolve("bin").resolve("kc.sh");
    }

    private Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m",
                // C1 only: starts in about half the time on a small machine; plenty fast for development.
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** Unzips the distribution on first use (into a temporary folder first, so a broken unzip never counts). */
    private void unpackDistribution() {
        if (Files.isExecutable(kcScript())) {
            return;
        }
        Path zip = distributionZip();
        Path unpacking = dataDir.resolve("unpacking");
        FileTrees.deleteRecursively(unpacking);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = unpacking.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpacking)) {
                    throw new IllegalStateException("Unexpected entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (target.toString().endsWith(".sh")) {
                    target.toFile().setExecutable(true); // the zip's Unix modes are not restored by java.util.zip
                }
            }
            FileTrees.deleteRecursively(home);
            Files.move(unpacking.resolve(home.getFileName()), home, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteRecursively(unpacking);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip, e);
        }
    }

    private Path distributionZip() {
        String localRepository = System.getProperty("maven.repo.local",
                BUILD_PROPERTIES.getProperty("maven.local.repository"));
        String artifact = "keycloak-quarkus-dist-" + version + ".zip";
        List<Path> candidates = List.of(Path.of(localRepository), Path.of(System.getProperty("user.home"), ".m2", "repository"));
        return candidates.stream()
                .map(repo -> repo.resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version, artifact)))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The Keycloak distribution " + artifact + " is not in the"
                        + " local Maven repository (" + candidates + "). Fetch it with `mvn -pl dev-stack install"
                        + " -DskipTests` or `mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                        + version + ":zip`."));
    }

    /** `kc.sh build` once per unpacked distribution: it takes half a minute, `start --optimized` then skips it. */
    private void buildOnce() {
        Path marker = home.resolve("itsm-build-options");
        String options = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(kcScript().toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            process.runTool(command, environment(), BUILD_TIMEOUT);
            Files.writeString(marker, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the realm file where {@code --import-realm} reads it. Keycloak skips a realm that already exists, so
     * when the file changed since the last import, the file database is dropped to have the new one imported.
     */
    private void stageRealmImport() {
        try {
            Path importDir = home.resolve("data").resolve("import");
            FileTrees.deleteRecursively(importDir);
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));

            Path importedChecksum = dataDir.resolve("imported-realm.sha256");
            String checksum = sha256(realmFile);
            if (!Files.exists(importedChecksum) || !Files.readString(importedChecksum).equals(checksum)) {
                FileTrees.deleteRecursively(home.resolve("data").resolve("h2"));
                Files.writeString(importedChecksum, checksum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> realmName() {
        try {
            Matcher matcher = REALM_NAME.matcher(Files.readString(realmFile));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Keycloak version and local repository the build wrote into dev-stack.properties. */
    private static Properties loadBuildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakLauncher.class.getResourceAsStream("dev-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev-stack.properties is missing from the dev-stack jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
