package org.itsm.catalog.domain;

import java.util.List;
import java.util.Map;

import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * The service request state machine: Submitted → Awaiting Approval → Approved/Rejected → In Fulfilment →
 * Fulfilled → Closed, with Cancelled from any state before Fulfilled. Rejected, Closed and Cancelled are final.
 * An approved request reaches Fulfilled only through In Fulfilment (its tasks are started before they are
 * completed, see {@link TaskLifecycle}). Moves are named by their endpoints ({@link RequestMove#endpoint()}).
 */
public final class RequestLifecycle {

    private static final Map<RequestState, Map<RequestMove, RequestState>> MOVES = Map.of(
            RequestState.SUBMITTED, Map.of(
                    RequestMove.AWAIT_APPROVAL, RequestState.AWAITING_APPROVAL,
                    RequestMove.AUTO_APPROVE, RequestState.APPROVED,
                    RequestMove.CANCEL, RequestState.CANCELLED),
            RequestState.AWAITING_APPROVAL, Map.of(
                    RequestMove.APPROVE, RequestState.APPROVED,
                    RequestMove.REJECT, RequestState.REJECTED,
                    RequestMove.CANCEL, RequestState.CANCELLED),
            RequestState.APPROVED, Map.of(
                    RequestMove.START_FULFILMENT, RequestState.IN_FULFILMENT,
                    RequestMove.CANCEL, RequestState.CANCELLED),
            RequestState.IN_FULFILMENT, Map.of(
                    RequestMove.FULFIL, RequestState.FULFILLED,
                    RequestMove.CANCEL, RequestState.CANCELLED),
            RequestState.FULFILLED, Map.of(RequestMove.CLOSE, RequestState.CLOSED),
            RequestState.REJECTED, Map.of(),
            RequestState.CLOSED, Map.of(),
            RequestState.CANCELLED, Map.of());

    private RequestLifecycle() {
    }

    /** The moves {@code state} allows, in a stable order (system moves of submission included). */
    public static List<RequestMove> allowedMoves(RequestState state) {
        return MOVES.get(state).keySet().stream().sorted().toList();
    }

    /** The endpoints that can move a request in {@code state} now (whoever calls them). */
    public static List<String> allowedActions(RequestState state) {
        return allowedMoves(state).stream().filter(move -> move.endpoint() != null).map(RequestMove::endpoint)
                .toList();
    }

    public static RequestState apply(RequestState state, RequestMove move) {
        RequestState target = MOVES.get(state).get(move);
        if (target == null) {
            throw new IllegalMoveException(move.action(), state.name(), allowedActions(state));
        }
        return target;
    }
}
