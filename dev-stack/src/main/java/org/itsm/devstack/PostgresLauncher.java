package org.itsm.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from the machine's PostgreSQL binaries, listening on 127.0.0.1 only, tuned for
 * throwaway data (no fsync, no synchronous commit). The cluster lives in {@code dataDir/pgdata} and is
 * created on first start; it keeps its data across restarts.
 */
public final class PostgresLauncher extends ProcessComponent {

    private static final String USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path dataDir;
    private final Path clusterDir;
    private final int port;
    private final ManagedProcess process;

    public PostgresLauncher(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.clusterDir = this.dataDir.resolve("pgdata");
        this.port = port;
        this.process = new ManagedProcess(name(), this.dataDir.resolve("postgres.pid"),
                this.dataDir.resolve("postgres.log"), clusterDir.toString());
    }

    @Override
    ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() {
        if (!isRunning()) {
            Path bin = findBinaries();
            List<String> runAs = prepareDataDirForServerUser();
            if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
                FileTrees.deleteRecursively(clusterDir); // left over by an interrupted initdb
                process.runTool(command(runAs, bin.resolve("initdb").toString(), "-D", clusterDir.toString(),
                        "-A", "trust", "-U", USER, "-E", "UTF8", "--locale=C", "--no-sync"), Map.of(), TOOL_TIMEOUT);
            }
            // The socket goes to the data folder: the default /var/run/postgresql may not exist or be writable.
            String serverOptions = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1"
                    + " -F -c synchronous_commit=off"
                    // four services with pools of 20, a second replica when scaling, benchmarks, psql
                    + " -c max_connections=300"
                    // the hot sequence and outbox rows need vacuuming more often than once a minute
                    + " -c autovacuum_naptime=5s"
                    + (statementStatisticsAvailable(bin) ? " -c shared_preload_libraries=pg_stat_statements" : "");
            process.runTool(command(runAs, bin.resolve("pg_ctl").toString(), "start", "-w", "-t",
                    Long.toString(START_TIMEOUT.toSeconds()), "-D", clusterDir.toString(), "-l",
                    process.logFile().toString(), "-o", serverOptions), Map.of(), START_TIMEOUT.plusSeconds(5));
            process.record(postmasterPid());
        }
        process.awaitReady(this::isReady, START_TIMEOUT);
    }

    @Override
    public void stop() {
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for connected clients to leave.
        process.stop("INT", STOP_TIMEOUT);
    }

    @Override
    public boolean isReady() {
        return ManagedProcess.succeeds(psql("postgres", "SELECT 1"), Duration.ofSeconds(5));
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        if (databaseExists(name)) {
            return;
        }
        try {
            process.runTool(psql("postgres", "CREATE DATABASE \"" + name + "\""), Map.of(), TOOL_TIMEOUT);
        } catch (IllegalStateException e) {
            if (!databaseExists(name)) { // otherwise a concurrent caller created it first
                throw e;
            }
        }
    }

    /** Runs SQL as the superuser in {@code database} (tests use it to take one service's database away). */
    public String execute(String database, String sql) {
        return process.runTool(psql(database, sql), Map.of(), TOOL_TIMEOUT);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    public String reactiveUrl(String db) {
        return "postgresql://127.0.0.1:" + port + "/" + db;
    }

    public String username() {
        return USER;
    }

    /** Any password is accepted (trust authentication); this is the one services are configured with. */
    public String password() {
        return USER;
    }

    public int port() {
        return port;
    }

    private boolean databaseExists(String name) {
        String output = process.runTool(psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"),
                Map.of(), TOOL_TIMEOUT);
        return output.strip().equals("1");
    }

    private List<String> psql(String db, String sql) {
        String psql = findBinaries().resolve("psql").toString();
        return List.of(Files.isExecutable(Path.of(psql)) ? psql : "psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", db, "-c", sql);
    }

    /** pg_stat_statements (PostgreSQL's contrib) shows where database time goes; bench/run prints its top list. */
    private static boolean statementStatisticsAvailable(Path bin) {
        return Files.exists(bin.resolveSibling("lib").resolve("pg_stat_statements.so"));
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(clusterDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL refuses to run as root. As root, the server runs as the {@code postgres} user (owning the data
     * folder) when that user exists and can reach the folder; otherwise in a user namespace ({@code unshare -U}),
     * where root's files look like the server's own.
     */
    private List<String> prepareDataDirForServerUser() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ManagedProcess.runningAsRoot()) {
            return List.of();
        }
        if (ManagedProcess.succeeds(List.of("id", "-u", USER), Duration.ofSeconds(5)) && reachableByOthers(dataDir)) {
            process.runTool(List.of("chown", "-R", USER + ":", dataDir.toString()), Map.of(), TOOL_TIMEOUT);
            return List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups");
        }
        return List.of("unshare", "-U");
    }

    /** Can another user walk down to the folder (a JUnit temp folder, for one, is private to its owner)? */
    private static boolean reachableByOthers(Path dir) {
        try {
            for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
                if (!Files.getPosixFilePermissions(parent).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> command(List<String> prefix, String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        return full;
    }

    /** The folder holding initdb, pg_ctl and postgres: from PATH, else the newest Debian-style install. */
    private static Path findBinaries() {
        Optional<Path> onPath = ManagedProcess.findOnPath("pg_ctl").map(PostgresLauncher::realDirectory);
        if (onPath.isPresent() && Files.isExecutable(onPath.get().resolve("initdb"))) {
            return onPath.get();
        }
        try (Stream<Path> installs = Files.exists(Path.of("/usr/lib/postgresql"))
                ? Files.list(Path.of("/usr/lib/postgresql")) : Stream.empty()) {
            return installs.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(PostgresLauncher::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL binaries (initdb, pg_ctl, postgres) were not"
                            + " found on PATH nor in /usr/lib/postgresql/*/bin. Install them: apt-get install postgresql"
                            + " (Debian/Ubuntu), dnf install postgresql-server (Fedora/RHEL), brew install postgresql (macOS)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pg_ctl on PATH is often a symlink (Debian's /usr/local/bin, Homebrew); its siblings are in the real folder. */
    private static Path realDirectory(Path executable) {
        try {
            return executable.toRealPath().getParent();
        } catch (IOException e) {
            return executable.getParent();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
