package org.itsm.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    private static final String MARKER = "sleep 30";

    @TempDir
    Path dir;

    /**
     * The CI failure 'kafka exited during start-up': right after the start the child's command line is not
     * yet the real command's. Here the shell shows its own command line for a second before it execs the
     * marked one, so the window is wide, not a matter of luck.
     */
    @Test
    void aProcessWhoseCommandLineShowsTheMarkerOnlyAfterItsExecIsNotTakenForDead() {
        ManagedProcess process = new ManagedProcess("sleeper", dir.resolve("sleeper.pid"), dir.resolve("sleeper.log"), MARKER);
        try {
            process.start(List.of("sh", "-c", "sleep 1; exec \"$0\" 30", "sleep"), Map.of(), dir);
            assertFalse(process.isRunning(), "before the exec the command line does not show the marker");

            process.awaitReady(process::isRunning, Duration.ofSeconds(10));

            assertTrue(process.isRunning());
        } finally {
            process.stop("TERM", Duration.ofSeconds(5));
        }
        assertFalse(process.isRunning());
    }

    @Test
    void aProcessThatDiesDuringStartUpFailsFast() {
        ManagedProcess process = new ManagedProcess("quitter", dir.resolve("quitter.pid"), dir.resolve("quitter.log"), MARKER);
        process.start(List.of("sh", "-c", "exit 3"), Map.of(), dir);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> process.awaitReady(() -> false, Duration.ofSeconds(30)));

        assertTrue(failure.getMessage().startsWith("quitter exited during start-up"), failure.getMessage());
    }
}
