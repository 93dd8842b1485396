package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.itsm.problem.domain.ProblemLifecycle.Facts;
import org.itsm.problem.domain.ProblemLifecycle.Violation;
import org.itsm.support.lifecycle.IllegalMoveException;
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
                new Facts("Queue full", "CHG0001001", "IMPLEMENTED", null, null, null)).isEmpty());
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

    @Test
    void aFixChangeNotYetImplementedIsNoEvidenceOfTheFix() {
        List<Violation> unmet = lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts("Queue full", "CHG0001001", null, null));
        assertEquals(List.of("resolutionNotes"), unmet.stream().map(Violation::field).toList());
        assertTrue(unmet.get(0).message().contains("not implemented yet"), unmet.get(0).message());
        assertTrue(lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts("Queue full", "CHG0001001", "Rolled out by hand meanwhile", null)).isEmpty());
    }

    @Test
    void aFailedOrCancelledFixChangeIsNoEvidenceOfTheFix() {
        for (String outcome : List.of("FAILED", "CANCELLED")) {
            List<Violation> unmet = lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                    new Facts("Queue full", "CHG0001001", outcome, null, null, null));
            assertEquals(List.of("resolutionNotes"), unmet.stream().map(Violation::field).toList());
            assertTrue(unmet.get(0).message().contains("CHG0001001"), unmet.get(0).message());
        }
        assertTrue(lifecycle.unmetRequirements(Move.RESOLVE, ResolutionCode.FIX_APPLIED,
                new Facts("Queue full", "CHG0001001", "IMPLEMENTED", null, null, null)).isEmpty());
    }

    @Test
    void theEndOfTheFixChangeDecidesWhatFollowsAFixInProgress() {
        assertEquals(Optional.of(Move.RESOLVE),
                lifecycle.onFixChangeEnded(ProblemState.FIX_IN_PROGRESS, FixChangeOutcome.IMPLEMENTED));
        assertEquals(Optional.of(Move.REANALYSE),
                lifecycle.onFixChangeEnded(ProblemState.FIX_IN_PROGRESS, FixChangeOutcome.CANCELLED));
        assertEquals(Optional.of(Move.REANALYSE),
                lifecycle.onFixChangeEnded(ProblemState.FIX_IN_PROGRESS, FixChangeOutcome.FAILED));
        // the move back leads to the state before Fix in Progress
        assertEquals(ProblemState.ROOT_CAUSE_ANALYSIS,
                lifecycle.apply(ProblemState.FIX_IN_PROGRESS, Move.REANALYSE, null));
        for (ProblemState other : List.of(ProblemState.ROOT_CAUSE_ANALYSIS, ProblemState.RESOLVED)) {
            for (FixChangeOutcome outcome : FixChangeOutcome.values()) {
                assertEquals(Optional.empty(), lifecycle.onFixChangeEnded(other, outcome));
            }
        }
    }

    @Test
    void aFailedOrCancelledFixChangeIsNotRecordedAgain() {
        assertEquals("changeNumber", lifecycle.fixChangeViolations("CHG0001001", "CHG0001001", "CANCELLED").get(0)
                .field());
        assertEquals(1, lifecycle.fixChangeViolations("CHG0001001", "CHG0001001", "FAILED").size());
        assertTrue(lifecycle.fixChangeViolations("CHG0001002", "CHG0001001", "FAILED").isEmpty());
        assertTrue(lifecycle.fixChangeViolations("CHG0001001", "CHG0001001", null).isEmpty());
    }

    @Test
    void aCancelNeedsItsReason() {
        assertEquals(List.of("reason"), lifecycle.unmetRequirements(Move.CANCEL, null,
                new Facts(null, null, null, null, null, " ")).stream().map(Violation::field).toList());
        assertTrue(lifecycle.unmetRequirements(Move.CANCEL, null,
                new Facts(null, null, null, null, null, "raised twice")).isEmpty());
    }

    @Test
    void theRequiredFieldsOfEachMoveFollowFromWhatTheProblemHolds() {
        Facts none = new Facts(null, null, null, null);
        assertEquals(List.of("rootCause"), lifecycle.requiredFields(Move.START_FIX, none));
        assertEquals(List.of(), lifecycle.requiredFields(Move.START_FIX, new Facts("Queue full", null, null, null)));
        assertEquals(List.of("reason"), lifecycle.requiredFields(Move.CANCEL, none));
        assertEquals(List.of("resolutionCode"), lifecycle.requiredFields(Move.RESOLVE, none));
        Map<ResolutionCode, List<String>> byCode = lifecycle.requiredFieldsByCode(ProblemState.FIX_IN_PROGRESS,
                new Facts("Queue full", "CHG0001001", "IMPLEMENTED", null, null, null));
        assertEquals(Map.of(ResolutionCode.FIX_APPLIED, List.of(), ResolutionCode.RISK_ACCEPTED,
                List.of("resolutionNotes")), byCode);
        assertEquals(List.of("rootCause", "resolutionNotes"), lifecycle.requiredFieldsByCode(
                ProblemState.FIX_IN_PROGRESS, none).get(ResolutionCode.FIX_APPLIED));
    }

    @Test
    void onlyAnOpenProblemTakesChangesAndTheFixChangeOnlyDuringAnalysisOrTheFix() {
        assertEquals(List.of(ProblemAction.UPDATE, ProblemAction.LINK_INCIDENT, ProblemAction.UNLINK_INCIDENT,
                ProblemAction.PUBLISH_KNOWN_ERROR), lifecycle.allowedActions(ProblemState.NEW));
        assertTrue(lifecycle.allowedActions(ProblemState.FIX_IN_PROGRESS).contains(ProblemAction.RECORD_FIX_CHANGE));
        for (ProblemState ended : List.of(ProblemState.RESOLVED, ProblemState.CLOSED, ProblemState.CANCELLED)) {
            assertTrue(lifecycle.allowedActions(ended).isEmpty());
            assertEquals(Optional.of("Cannot link-incident a problem that is " + ended),
                    lifecycle.refusal(ended, ProblemAction.LINK_INCIDENT));
        }
        assertTrue(lifecycle.refusal(ProblemState.ASSESSMENT, ProblemAction.RECORD_FIX_CHANGE).orElseThrow()
                .contains("during root cause analysis or the fix"));
        assertEquals(Optional.empty(), lifecycle.refusal(ProblemState.NEW, ProblemAction.UPDATE));
    }

    @Test
    void anIllegalMoveNamesTheActionAndTheState() {
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.NEW, Move.START_FIX, null));
        assertEquals("start-fix", refused.action());
        assertEquals("NEW", refused.state());
        IllegalMoveException wrongCode = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ProblemState.NEW, Move.RESOLVE, ResolutionCode.RISK_ACCEPTED));
        assertTrue(wrongCode.action().contains("DUPLICATE"), wrongCode.action());
        assertEquals(List.of("assess", "resolve", "cancel"), wrongCode.allowedMoves());
    }

    @Test
    void recordingTheFixChangeDuringAnalysisStartsTheFix() {
        assertEquals(Optional.of(Move.START_FIX), lifecycle.onFixChangeRecorded(ProblemState.ROOT_CAUSE_ANALYSIS));
        assertEquals(Optional.empty(), lifecycle.onFixChangeRecorded(ProblemState.FIX_IN_PROGRESS));
    }

    @Test
    void theFactsOfAProblemCarryTheRequestsNotesAndDuplicate() {
        Problem problem = new Problem();
        problem.rootCause = "Queue full";
        problem.fixChangeNumber = "CHG0001001";
        problem.fixChangeOutcome = "IMPLEMENTED";
        assertEquals(new Facts("Queue full", "CHG0001001", "IMPLEMENTED", "notes", "PRB0000001", null),
                Facts.of(problem, "notes", "PRB0000001"));
    }
}
