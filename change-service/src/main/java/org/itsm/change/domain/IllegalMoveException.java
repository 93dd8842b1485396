package org.itsm.change.domain;

import java.util.List;

/** A move the lifecycle does not allow from the current state; names the moves allowed instead. */
public class IllegalMoveException extends RuntimeException {

    private final List<String> allowedMoves;

    public IllegalMoveException(ChangeMove move, ChangeState state, List<String> allowedMoves) {
        super("Cannot " + move.action() + " from " + state);
        this.allowedMoves = allowedMoves;
    }

    public List<String> allowedMoves() {
        return allowedMoves;
    }
}
