package org.itsm.incident.domain;

import java.util.List;

public class IllegalMoveException extends RuntimeException {

    private final transient Move move;
    private final IncidentState state;
    private final List<String> allowedMoves;

    public IllegalMoveException(Move move, IncidentState state, List<String> allowedMoves) {
        super("Cannot " + move.action() + " from " + state);
        this.move = move;
        this.state = state;
        this.allowedMoves = allowedMoves;
    }

    public Move move() {
        return move;
    }

    public IncidentState state() {
        return state;
    }

    public List<String> allowedMoves() {
        return allowedMoves;
    }
}
