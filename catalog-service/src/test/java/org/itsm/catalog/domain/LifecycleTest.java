package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void servicesMoveFromPipelineToLiveToRetired() {
        assertEquals(Lifecycle.LIVE, ServiceLifecycle.apply(Lifecycle.PIPELINE, "go-live"));
        assertEquals(Lifecycle.RETIRED, ServiceLifecycle.apply(Lifecycle.LIVE, "retire"));
        assertEquals(Lifecycle.RETIRED, ServiceLifecycle.apply(Lifecycle.PIPELINE, "retire"));
        IllegalMoveException back = assertThrows(IllegalMoveException.class,
                () -> ServiceLifecycle.apply(Lifecycle.LIVE, "go-live"));
        assertEquals(List.of("retire"), back.allowedMoves());
        assertEquals(List.of(), ServiceLifecycle.allowedActions(Lifecycle.RETIRED));
        assertThrows(IllegalMoveException.class, () -> ServiceLifecycle.apply(Lifecycle.PIPELINE, "explode"));
        assertEquals(List.of("go-live", "retire"), ServiceLifecycle.allowedActions(Lifecycle.PIPELINE,
                new RequestAccess.Who("cm", java.util.Set.of(org.itsm.events.api.Roles.CATALOG_MANAGER))));
        assertEquals(List.of(), ServiceLifecycle.allowedActions(Lifecycle.PIPELINE,
                new RequestAccess.Who("agent", java.util.Set.of(org.itsm.events.api.Roles.AGENT))));
    }

    @Test
    void requestsFollowApprovalThenFulfilment() {
        RequestState state = RequestLifecycle.apply(RequestState.SUBMITTED, RequestMove.AWAIT_APPROVAL);
        state = RequestLifecycle.apply(state, RequestMove.APPROVE);
        state = RequestLifecycle.apply(state, RequestMove.START_FULFILMENT);
        state = RequestLifecycle.apply(state, RequestMove.FULFIL);
        assertEquals(RequestState.CLOSED, RequestLifecycle.apply(state, RequestMove.CLOSE));
        assertEquals(RequestState.APPROVED, RequestLifecycle.apply(RequestState.SUBMITTED, RequestMove.AUTO_APPROVE));
        assertEquals(RequestState.REJECTED,
                RequestLifecycle.apply(RequestState.AWAITING_APPROVAL, RequestMove.REJECT));
    }

    @Test
    void anApprovedRequestIsFulfilledOnlyThroughFulfilmentAndMovesAreNamedByTheirEndpoints() {
        IllegalMoveException early = assertThrows(IllegalMoveException.class,
                () -> RequestLifecycle.apply(RequestState.APPROVED, RequestMove.FULFIL));
        assertEquals("tasks/{taskId}/complete", early.action());
        assertEquals(List.of("tasks/{taskId}/start", "cancel"), early.allowedMoves());
        assertEquals(List.of("cancel"), RequestLifecycle.allowedActions(RequestState.SUBMITTED));
    }

    @Test
    void aTaskIsStartedBeforeItIsCompleted() {
        assertEquals(TaskState.IN_PROGRESS, TaskLifecycle.apply(TaskState.OPEN, "start"));
        assertEquals(TaskState.DONE, TaskLifecycle.apply(TaskState.IN_PROGRESS, "complete"));
        IllegalMoveException unstarted = assertThrows(IllegalMoveException.class,
                () -> TaskLifecycle.apply(TaskState.OPEN, "complete"));
        assertEquals(List.of("start"), unstarted.allowedMoves());
        assertEquals(List.of("complete"), assertThrows(IllegalMoveException.class,
                () -> TaskLifecycle.apply(TaskState.IN_PROGRESS, "start")).allowedMoves());
        assertEquals(List.of(), assertThrows(IllegalMoveException.class,
                () -> TaskLifecycle.apply(TaskState.DONE, "complete")).allowedMoves());
    }

    @Test
    void finalStatesAllowNothingAndFulfilledCannotBeCancelled() {
        for (RequestState done : List.of(RequestState.REJECTED, RequestState.CLOSED, RequestState.CANCELLED)) {
            assertEquals(List.of(), RequestLifecycle.allowedActions(done));
        }
        IllegalMoveException late = assertThrows(IllegalMoveException.class,
                () -> RequestLifecycle.apply(RequestState.FULFILLED, RequestMove.CANCEL));
        assertEquals(List.of("close"), late.allowedMoves());
        assertEquals(List.of("tasks/{taskId}/complete", "cancel"),
                RequestLifecycle.allowedActions(RequestState.IN_FULFILMENT));
        assertThrows(IllegalMoveException.class,
                () -> RequestLifecycle.apply(RequestState.AWAITING_APPROVAL, RequestMove.FULFIL));
    }
}
