package org.itsm.support.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class DatabaseOutageTest {

    @Test
    void refusedConnectionsDeepInTheChainAreAnOutage() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException("session failed",
                new RuntimeException(new ConnectException("Connection refused")))));
    }

    @Test
    void serverShutdownAndRefusedDatabaseAreAnOutage() {
        assertTrue(DatabaseOutage.isCause(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(DatabaseOutage.isCause(new PgException("not accepting connections", "FATAL", "55000", null)));
        assertTrue(DatabaseOutage.isCause(new PgException("connection failure", "FATAL", "08006", null)));
    }

    @Test
    void queryErrorsAndBugsAreNot() {
        assertFalse(DatabaseOutage.isCause(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DatabaseOutage.isCause(new NullPointerException()));
    }
}
