package org.itsm.problem.domain;

import java.util.List;

/** A move the lifecycle does not allow now; names the moves that are allowed. */
public class IllegalMoveException extends RuntimeException {

    private final List<String> allowedMoves;

    public IllegalMoveException(String detail, List<String> allowedMoves) {
        super(detail);
        this.allowedMoves = allowedMoves;
    }

    public List<String> allowedMoves() {
        return allowedMoves;
    }
}
