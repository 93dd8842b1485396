package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.support.lifecycle.IllegalMoveException;

import org.junit.jupiter.api.Test;

class ChangeLifecycleTest {

    private final ChangeLifecycle lifecycle = new ChangeLifecycle();

    @Test
    void normalChangeWalksEveryState() {
        assertEquals(ChangeState.ASSESS, lifecycle.apply(ChangeType.NORMAL, ChangeState.NEW, false, ChangeMove.SUBMIT));
        assertEquals(ChangeState.AUTHORIZE,
                lifecycle.apply(ChangeType.NORMAL, ChangeState.ASSESS, false, ChangeMove.ASSESS));
        assertEquals(ChangeState.SCHEDULED,
                lifecycle.apply(ChangeType.NORMAL, ChangeState.AUTHORIZE, true, ChangeMove.SCHEDULE));
        assertEquals(ChangeState.IMPLEMENT,
                lifecycle.apply(ChangeType.NORMAL, ChangeState.SCHEDULED, true, ChangeMove.IMPLEMENT));
        assertEquals(ChangeState.REVIEW, lifecycle.apply(ChangeType.NORMAL, ChangeState.IMPLEMENT, true, ChangeMove.REVIEW));
        assertEquals(ChangeState.CLOSED, lifecycle.apply(ChangeType.NORMAL, ChangeState.REVIEW, true, ChangeMove.CLOSE));
    }

    @Test
    void schedulingNeedsTheApproval() {
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ChangeType.NORMAL, ChangeState.AUTHORIZE, false, ChangeMove.SCHEDULE));
        assertEquals(List.of("cancel"), refused.allowedMoves());
    }

    @Test
    void emergencySkipsAssessAndCannotCloseWithoutReview() {
        assertEquals(ChangeState.AUTHORIZE,
                lifecycle.apply(ChangeType.EMERGENCY, ChangeState.NEW, false, ChangeMove.SUBMIT));
        assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ChangeType.EMERGENCY, ChangeState.IMPLEMENT, true, ChangeMove.CLOSE));
        assertTrue(ChangeLifecycle.reviewRequired(ChangeType.EMERGENCY, Outcome.SUCCESSFUL));
    }

    @Test
    void standardChangeIsScheduledStraightFromNew() {
        assertEquals(ChangeState.SCHEDULED,
                lifecycle.apply(ChangeType.STANDARD, ChangeState.NEW, false, ChangeMove.SCHEDULE));
        assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ChangeType.STANDARD, ChangeState.NEW, false, ChangeMove.SUBMIT));
    }

    @Test
    void failedAndBackedOutChangesNeedAReview() {
        assertTrue(ChangeLifecycle.reviewRequired(ChangeType.NORMAL, Outcome.FAILED));
        assertTrue(ChangeLifecycle.reviewRequired(ChangeType.STANDARD, Outcome.BACKED_OUT));
        assertFalse(ChangeLifecycle.reviewRequired(ChangeType.NORMAL, Outcome.SUCCESSFUL_WITH_ISSUES));
    }

    @Test
    void finalStatesAllowNothingAndCancelStopsAtImplementation() {
        assertTrue(lifecycle.allowedMoves(ChangeType.NORMAL, ChangeState.CLOSED, true).isEmpty());
        assertTrue(lifecycle.allowedMoves(ChangeType.NORMAL, ChangeState.CANCELLED, false).isEmpty());
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> lifecycle.apply(ChangeType.NORMAL, ChangeState.IMPLEMENT, true, ChangeMove.CANCEL));
        assertEquals(List.of("review", "close"), refused.allowedMoves());
    }

    @Test
    void anEmergencyChangeNeedsItsReviewFromTheStart() {
        assertTrue(ChangeLifecycle.reviewRequired(ChangeType.EMERGENCY, null));
        assertFalse(ChangeLifecycle.reviewRequired(ChangeType.NORMAL, null));
    }

    @Test
    void replanningAfterAuthorizeGoesBackThroughApproval() {
        assertEquals(java.util.Optional.of(ChangeState.ASSESS), lifecycle.replan(ChangeType.NORMAL, ChangeState.ASSESS));
        assertEquals(java.util.Optional.of(ChangeState.AUTHORIZE),
                lifecycle.replan(ChangeType.NORMAL, ChangeState.SCHEDULED));
        assertEquals(java.util.Optional.of(ChangeState.AUTHORIZE),
                lifecycle.replan(ChangeType.EMERGENCY, ChangeState.AUTHORIZE));
        assertTrue(lifecycle.replanNeedsApproval(ChangeType.NORMAL, ChangeState.SCHEDULED));
        assertEquals(java.util.Optional.of(ChangeState.NEW), lifecycle.replan(ChangeType.STANDARD, ChangeState.SCHEDULED));
        assertTrue(lifecycle.replan(ChangeType.NORMAL, ChangeState.IMPLEMENT).isEmpty());
        assertTrue(lifecycle.replan(ChangeType.NORMAL, ChangeState.CLOSED).isEmpty());
    }
}
