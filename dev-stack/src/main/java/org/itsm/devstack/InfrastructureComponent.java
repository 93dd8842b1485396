package org.itsm.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One process of the local platform (PostgreSQL, Kafka, Keycloak, a service) that runs detached from
 * the JVM that started it and is tracked by a pid file, so any JVM can check or stop it.
 */
public interface InfrastructureComponent {

    String name();

    /**
     * Starts the process (a no-op start if it already runs) and blocks until it really serves requests,
     * not merely until it logged a line. Throws {@link IllegalStateException} naming the log file when it
     * fails or is not ready in time.
     */
    void start();

    /** Stops the process and its descendants and blocks until they are gone; a no-op when not running. */
    void stop();

    default void restart() {
        stop();
        start();
    }

    /** Is the recorded process alive (and still ours)? Works from any JVM. */
    boolean isRunning();

    /** The PID of the running process; empty when not running. */
    OptionalLong pid();

    /** Does it answer right now (a single probe, no waiting)? */
    boolean isReady();

    Path logFile();
}
