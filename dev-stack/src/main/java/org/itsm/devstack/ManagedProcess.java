package org.itsm.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A long-running process that outlives the JVM which started it: it runs in its own session (so a
 * Ctrl-C in the caller's terminal does not reach it), appends its output to a log file and has its
 * PID recorded in a pid file, so that another JVM ({@code ./itsm down}) can find, check and stop it.
 * The one place that knows how processes are started, recognised and stopped.
 */
final class ManagedProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Optional<Path> SETSID = findOnPath("setsid");
    private static final File NO_INPUT = new File("/dev/null");

    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String commandLineMarker;
    /** The process this JVM started last, trusted while it lives even before its command line shows the marker. */
    private volatile Process started;

    /**
     * @param commandLineMarker text the process's command line must contain to count as ours, so a PID
     *     reused by an unrelated process after a reboot or crash is never mistaken for it (or stopped)
     */
    ManagedProcess(String name, Path pidFile, Path logFile, String commandLineMarker) {
        this.name = name;
        this.pidFile = pidFile.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.commandLineMarker = commandLineMarker;
    }

    Path logFile() {
        return logFile;
    }

    /** Starts the command detached from the caller, output appended to the log, and records its PID. */
    void start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        List<String> detached = new ArrayList<>();
        SETSID.ifPresent(setsid -> detached.add(setsid.toString()));
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workingDirectory.toFile())
                .redirectInput(NO_INPUT)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prepareLogFile().toFile()));
        builder.environment().putAll(environment);
        try {
            // The log is kept across runs; a header tells where this run begins.
            Files.writeString(prepareLogFile(), "=== " + Instant.now() + " starting " + name + "\n", StandardOpenOption.APPEND);
            started = builder.start();
            record(started.pid());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + " (" + detached.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Records the PID of a process started by a tool of its own (for example {@code pg_ctl}). */
    void record(long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded process, if it is alive and still the one we started. */
    Optional<ProcessHandle> running() {
        return recordedPid().flatMap(ProcessHandle::of)
                .filter(ManagedProcess::isAlive)
                .filter(process -> commandLine(process).contains(commandLineMarker));
    }

    boolean isRunning() {
        return running().isPresent();
    }

    OptionalLong pid() {
        return running().map(process -> OptionalLong.of(process.pid())).orElse(OptionalLong.empty());
    }

    /**
     * Polls {@code ready} until it answers true; fails fast when the process dies meanwhile. A process just
     * started counts as running while it lives: until setsid has exec'd the real command, its command line is
     * the spawn helper's, not yet one with the marker.
     */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process justStarted = started;
            if (!isRunning() && (justStarted == null || !justStarted.isAlive())) {
                throw failure(name + " exited during start-up");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * Sends the graceful signal, waits up to {@code timeout} for the process to exit, then kills it and
     * whatever descendants are left. Returns once all of them are gone; a no-op when not running.
     */
    void stop(String gracefulSignal, Duration timeout) {
        Optional<ProcessHandle> root = running();
        started = null;
        if (root.isPresent()) {
            // Taken before the signal: once the root exits, its children are re-parented and untraceable.
            List<ProcessHandle> tree = Stream.concat(Stream.of(root.get()), root.get().descendants()).toList();
            signal(root.get(), gracefulSignal);
            awaitExit(List.of(root.get()), timeout);
            tree.stream().filter(ManagedProcess::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(tree, KILL_WAIT)) {
                throw failure(name + " (PID " + root.get().pid() + ") could not be stopped");
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would. */
    void kill() {
        stop("KILL", Duration.ZERO);
    }

    /**
     * Runs a short-lived tool to completion (initdb, storage formatting, a Keycloak build) in the log's folder,
     * with its output appended to the log; returns the output, throws with the log's tail when it fails.
     */
    String runTool(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT).redirectErrorStream(true)
                .directory(prepareLogFile().getParent().toFile());
        builder.environment().putAll(environment);
        Execution execution = execute(builder, timeout);
        try {
            Files.writeString(prepareLogFile(), "$ " + abbreviated(command) + "\n" + execution.output(),
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (execution.exitCode() != 0) {
            throw failure(name + ": `" + abbreviated(command) + "` failed (exit " + execution.exitCode() + ")");
        }
        return execution.output();
    }

    /** Runs a probe command quietly: did it exit 0 within the timeout? */
    static boolean succeeds(List<String> command, Duration timeout) {
        try {
            return execute(new ProcessBuilder(command).redirectInput(NO_INPUT).redirectErrorStream(true), timeout)
                    .exitCode() == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static Optional<Path> findOnPath(String executable) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The java of the running JVM, for child JVMs. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private record Execution(int exitCode, String output) {
    }

    private static Execution execute(ProcessBuilder builder, Duration timeout) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + builder.command().get(0) + ": " + e.getMessage(), e);
        }
        // Read on the side: a tool that fills the pipe would otherwise block before it exits.
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> output.append(readAll(process.getInputStream())), "tool-output-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", builder.command()) + "` did not finish within "
                        + timeout.toSeconds() + " s");
            }
            reader.join(KILL_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted", e);
        }
        return new Execution(process.exitValue(), output.toString());
    }

    /** The command for humans: a class path of fifty jars would drown everything else. */
    private static String abbreviated(List<String> command) {
        return command.stream().map(arg -> arg.length() > 120 ? arg.substring(0, 120) + "..." : arg)
                .collect(Collectors.joining(" "));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Path prepareLogFile() {
        try {
            Files.createDirectories(logFile.getParent());
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            return logFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Long> recordedPid() {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + "\n--- last lines of " + logFile + " ---\n" + tail(logFile, 25));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        switch (signal) {
            case "TERM" -> process.destroy();
            case "KILL" -> process.destroyForcibly();
            default -> succeeds(List.of("kill", "-s", signal, Long.toString(process.pid())), KILL_WAIT);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ManagedProcess::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(50));
        }
        return true;
    }

    /** Alive and not a zombie: an orphan's exit is only reaped when PID 1 cares to, which it need not here. */
    static boolean isAlive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String content = Files.readString(stat);
            // Format: "pid (comm) STATE ..."; comm may contain spaces and parentheses, so look after the last ')'.
            return content.charAt(content.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return !Files.isDirectory(Path.of("/proc")); // no procfs (macOS): trust isAlive()
        }
    }

    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
