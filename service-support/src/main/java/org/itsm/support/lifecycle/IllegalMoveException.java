package org.itsm.support.lifecycle;

import java.util.List;

/**
 * A move a lifecycle does not allow from the current state, naming the moves allowed instead: the one domain error
 * for every state machine (incidents, changes, problems, services, requests, tasks). The REST layer answers it as the
 * 409 {@code illegal-move} problem with {@code allowedMoves}; an event consumer may catch it like any rule refusal.
 */
public class IllegalMoveException extends RuntimeException {

    private final String action;
    private final String state;
    private final List<String> allowedMoves;

    public IllegalMoveException(String action, String state, List<String> allowedMoves) {
        super("Cannot " + action + " from " + state);
        this.action = action;
        this.state = state;
        this.allowedMoves = List.copyOf(allowedMoves);
    }

    public String action() {
        return action;
    }

    public String state() {
        return state;
    }

    /** The moves allowed now, as the caller may make them. */
    public List<String> allowedMoves() {
        return allowedMoves;
    }

    /** The same refusal, with the allowed moves narrowed to what the caller may do (role-aware next states). */
    public IllegalMoveException allowing(List<String> movesForCaller) {
        return new IllegalMoveException(action, state, movesForCaller);
    }
}
