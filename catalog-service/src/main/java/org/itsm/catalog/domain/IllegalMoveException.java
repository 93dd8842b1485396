package org.itsm.catalog.domain;

import java.util.List;

/** A lifecycle action that the record's current state does not allow; names the actions allowed now. */
public class IllegalMoveException extends RuntimeException {

    private final String action;
    private final String state;
    private final List<String> allowedMoves;

    public IllegalMoveException(String action, String state, List<String> allowedMoves) {
        super("Cannot " + action + " from " + state);
        this.action = action;
        this.state = state;
        this.allowedMoves = allowedMoves;
    }

    public String action() {
        return action;
    }

    public String state() {
        return state;
    }

    public List<String> allowedMoves() {
        return allowedMoves;
    }
}
