package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.rest.ApiProblem;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final IncidentLifecycle lifecycle = new IncidentLifecycle(Duration.ofDays(7));

    @Test
    void happyPath() {
        assertEquals(IncidentState.IN_PROGRESS, lifecycle.apply(IncidentState.NEW, Move.START, null, NOW));
        assertEquals(IncidentState.ON_HOLD, lifecycle.apply(IncidentState.IN_PROGRESS, Move.HOLD, null, NOW));
        assertEquals(IncidentState.IN_PROGRESS, lifecycle.apply(IncidentState.ON_HOLD, Move.RESUME, null, NOW));
        assertEquals(IncidentState.RESOLVED, lifecycle.apply(IncidentState.IN_PROGRESS, Move.RESOLVE, null, NOW));
        assertEquals(IncidentState.CLOSED, lifecycle.apply(IncidentState.RESOLVED, Move.CLOSE, NOW, NOW));
    }

    @Test
    void reopenOnlyWithinThePeriod() {
        Instant resolvedRecently = NOW.minus(Duration.ofDays(6));
        assertEquals(IncidentState.IN_PROGRESS,
                lifecycle.apply(IncidentState.RESOLVED, Move.REOPEN, resolvedRecently, NOW));
        Instant resolvedLongAgo = NOW.minus(Duration.ofDays(8));
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(IncidentState.RESOLVED, Move.REOPEN, resolvedLongAgo, NOW));
        assertEquals(List.of("close"), refused.allowedMoves());
    }

    @Test
    void closedAndCancelledAreFinal() {
        for (IncidentState state : List.of(IncidentState.CLOSED, IncidentState.CANCELLED)) {
            assertTrue(lifecycle.allowedMoves(state, NOW, NOW).isEmpty());
            for (Move move : Move.values()) {
                assertThrows(IllegalMoveException.class, () -> lifecycle.apply(state, move, NOW, NOW));
            }
        }
    }

    @Test
    void illegalMoveNamesTheAllowedOnes() {
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(IncidentState.NEW, Move.CLOSE, null, NOW));
        assertEquals(List.of("start", "hold", "resolve", "cancel"), refused.allowedMoves());
    }

    @Test
    void resolveRequiresCodeAndNotes() {
        var resolve = lifecycle.allowedMoves(IncidentState.IN_PROGRESS, null, NOW).stream()
                .filter(move -> move.move() == Move.RESOLVE).findFirst().orElseThrow();
        assertEquals(List.of("resolutionCode", "resolutionNotes"), resolve.requires());
    }

    @Test
    void eachMoveNamesTheBodyFieldsItsEndpointEnforces() {
        assertEquals(List.of("holdReason"), IncidentLifecycle.fieldsOf(Move.HOLD).requires());
        assertEquals(List.of("comment"), IncidentLifecycle.fieldsOf(Move.HOLD).optional());
        assertEquals(List.of("reason"), IncidentLifecycle.fieldsOf(Move.REOPEN).requires());
        assertEquals(List.of("reason"), IncidentLifecycle.fieldsOf(Move.CANCEL).requires());
        assertTrue(IncidentLifecycle.fieldsOf(Move.START).requires().isEmpty());
    }

    @Test
    void illegalMoveNamesActionAndState() {
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(IncidentState.ON_HOLD, Move.START, null, NOW));
        assertEquals("start", refused.action());
        assertEquals("ON_HOLD", refused.state());
    }

    @Test
    void fieldsAndCommentsChangeWhileOpenOrResolved() {
        for (IncidentState state : IncidentState.values()) {
            boolean expected = state != IncidentState.CLOSED && state != IncidentState.CANCELLED;
            assertEquals(expected, IncidentLifecycle.acceptsChanges(state), state.name());
        }
        assertDoesNotThrow(() -> IncidentLifecycle.requireChangeable("INC1", IncidentState.RESOLVED));
        ApiProblem closed = assertThrows(ApiProblem.class,
                () -> IncidentLifecycle.requireChangeable("INC1", IncidentState.CLOSED));
        assertEquals(409, closed.problem().status());
        assertThrows(ApiProblem.class, () -> IncidentLifecycle.requireCommentable("INC1", IncidentState.CANCELLED));
        assertDoesNotThrow(() -> IncidentLifecycle.requireCommentable("INC1", IncidentState.RESOLVED));
    }

    @Test
    void onlyOpenIncidentsAreAssigned() {
        assertDoesNotThrow(() -> IncidentLifecycle.requireAssignable("INC1", IncidentState.ON_HOLD));
        assertThrows(ApiProblem.class, () -> IncidentLifecycle.requireAssignable("INC1", IncidentState.RESOLVED));
    }

    @Test
    void awaitingTheCallerNeedsACommentAndPausesTheClocks() {
        assertThrows(ApiProblem.class, () -> IncidentLifecycle.requireHoldFields(HoldReason.AWAITING_CALLER, " "));
        assertDoesNotThrow(() -> IncidentLifecycle.requireHoldFields(HoldReason.AWAITING_CALLER, "Which printer?"));
        assertDoesNotThrow(() -> IncidentLifecycle.requireHoldFields(HoldReason.AWAITING_VENDOR, null));
        assertTrue(IncidentLifecycle.pausesSla(HoldReason.AWAITING_CALLER));
        assertFalse(IncidentLifecycle.pausesSla(HoldReason.AWAITING_CHANGE));
    }

    @Test
    void onlyTheCallersPublicReplyToAHoldAwaitingThemResumes() {
        assertTrue(IncidentLifecycle.replyResumes(IncidentState.ON_HOLD, HoldReason.AWAITING_CALLER, true, false));
        assertFalse(IncidentLifecycle.replyResumes(IncidentState.ON_HOLD, HoldReason.AWAITING_CALLER, true, true));
        assertFalse(IncidentLifecycle.replyResumes(IncidentState.ON_HOLD, HoldReason.AWAITING_CALLER, false, false));
        assertFalse(IncidentLifecycle.replyResumes(IncidentState.ON_HOLD, HoldReason.AWAITING_VENDOR, true, false));
        assertFalse(IncidentLifecycle.replyResumes(IncidentState.IN_PROGRESS, null, true, false));
    }

    @Test
    void reopenAndCancelNeedAReason() {
        assertEquals("gone again", IncidentLifecycle.requireReason("  gone again "));
        assertThrows(ApiProblem.class, () -> IncidentLifecycle.requireReason(null));
        assertThrows(ApiProblem.class, () -> IncidentLifecycle.requireReason("  "));
    }
}
