package org.itsm.support.rest;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure caused by the database being unreachable (refused or dropped connections, a server shutting down
 * or not accepting connections) from a bug, so callers get 503 and retry instead of a 500.
 */
final class DatabaseOutage {

    /**
     * SQLSTATEs of an unavailable server or database: connection exceptions (08xxx), operator intervention such as
     * shutdown (57P01-57P03), too many connections (53300), a database not accepting connections (55000).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "55000", "57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}
