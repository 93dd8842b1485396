package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.problem.domain.ProblemLifecycle.Facts;
import org.itsm.problem.domain.ProblemLifecycle.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemLifecycleTest {

    private final ProblemLifecycle lifecycle = new ProblemLifecycle();

    @Test
    void theMainPathLeadsFromNewToClosed() {
        ProblemState state = ProblemState.NEW;
        state = lifecycle.apply(state, Move.ASSESS, null);
        assertEquals(ProblemState.ASSESSMENT, state);
        state = lifecycle.apply(state, Move.ANALYSE, null);
        assertEquals(ProblemState.ROOT_CAUSE_ANALYSIS, state);
        state = lifecycle.apply(state, Move.START_FIX, null);
        assertEquals(ProblemState.FIX_IN_PROGRESS, state);
        state = lifecycle.apply(state, Move.RESOLVE, ResolutionCode.FIX_APPLIED);
        assertEquals(ProblemState.RESOLVED, state);
        assertEquals(ProblemState.CLOSED, lifecycle.apply(state, Move.CLOSE, null));
    }

    @Test
    void fixInProgressCanGoBackToAnalysis() {
        assertEquals(ProblemState.ROOT_CAUSE_ANALYSIS,
                lifecycle.apply(ProblemState.FIX_IN_PROGRESS, Move.REANALYSE, null));
    }

    @Test
    void analysisCanEndInAnAcceptedRiskButNotInAFix() {
        assertEquals(ProblemState.RESOLVED,
                lifecycle.apply(ProblemState.ROOT_CAUSE_ANALYSIS, Move.RESOLVE, ResolutionCode.RISK_ACCEPTED));
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.ROOT_CAUSE_ANALYSIS, Move.RESOLVE, ResolutionCode.FIX_APPLIED));
        assertTrue(refused.getMessage().contains("RISK_ACCEPTED"), refused.getMessage());
    }

    @Test
    void onlyADuplicateEndsAProblemBeforeAnalysis() {
        assertEquals(ProblemState.RESOLVED, lifecycle.apply(ProblemState.NEW, Move.RESOLVE, ResolutionCode.DUPLICATE));
        assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.ASSESSMENT, Move.RESOLVE, ResolutionCode.RISK_ACCEPTED));
        assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.FIX_IN_PROGRESS, Move.RESOLVE, ResolutionCode.DUPLICATE));
    }

    @Test
    void cancelledIsNeverChosenOnResolve() {
        for (ProblemState state : ProblemState.OPEN) {
            assertThrows(IllegalMoveException.class, () -> lifecycle.apply(state, Move.RESOLVE, ResolutionCode.CANCELLED));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProblemState.class, names = { "NEW", "ASSESSMENT", "ROOT_CAUSE_ANALYSIS", "FIX_IN_PROGRESS" })
    void everyOpenStateCanBeCancelled(ProblemState state) {
        assertEquals(ProblemState.CANCELLED, lifecycle.apply(state, Move.CANCEL, null));
    }

    @ParameterizedTest
    @EnumSource(value = ProblemState.class, names = { "CLOSED", "CANCELLED" })
    void finalStatesAllowNothing(ProblemState state) {
        assertTrue(lifecycle.allowedMoves(state).isEmpty());
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(state, Move.ASSESS, null));
        assertTrue(refused.allowedMoves().isEmpty());
    }

    @Test
    void anIllegalMoveNamesTheMovesAllowedNow() {
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.NEW, Move.START_FIX, null));
        assertEquals(List.of("assess", "resolve", "cancel"), refused.allowedMoves());
        assertThrows(IllegalMoveException.class, () -> lifecycle.apply(ProblemState.RESOLVED, Move.REANALYSE, null));
    }

    @Test
    void resolveListsTheCodesOfTheState() {
        ProblemLifecycle.AllowedMove resolve = lifecycle.allowedMoves(ProblemState.FIX_IN_PROGRESS).stream()
                .filter(move -> move.move() == Move.RESOLVE).findFirst().orElseThrow();
        assertEquals(List.of(ResolutionCode.FIX_APPLIED, ResolutionCode.RISK_ACCEPTED), resolve.resolutionCodes());
        assertEquals(ProblemState.RESOLVED, resolve.target());
    }

    @Test
    void aFixNeedsARootCauseAndEvidenceOfTheFix() {
        List<Violation> unmet = lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts(null, null, null, null));
        assertEquals(List.of("rootCause", "resolutionNotes"), unmet.stream().map(Violation::field).toList());
        assertTrue(lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts("Queue full", "CHG0001001", null, null)).isEmpty());
        assertTrue(lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts("Queue full", null, "Raised the queue limit", null)).isEmpty());
    }

    @Test
    void startingTheFixNeedsTheRootCause() {
        assertEquals("rootCause", lifecycle.unmetRequirements(Move.START_FIX, null, new Facts(" ", null, null, null))
                .get(0).field());
        assertTrue(lifecycle.unmetRequirements(Move.START_FIX, null, new Facts("Queue full", null, null, null))
                .isEmpty());
    }

    @Test
    void anAcceptedRiskIsJustifiedAndADuplicateNamesItsOriginal() {
        assertEquals("resolutionNotes", lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.RISK_ACCEPTED,
                new Facts("cause", null, null, null)).get(0).field());
        assertEquals("duplicateOf", lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.DUPLICATE,
                new Facts(null, null, "same thing", null)).get(0).field());
        assertTrue(lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.DUPLICATE,
                new Facts(null, null, null, "PRB0001001")).isEmpty());
    }
}
