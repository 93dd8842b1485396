package org.itsm.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The incident state machine: which move is allowed from which state, where it leads and what it requires.
 * Reopen is allowed only within the reopen period after resolution; Closed and Cancelled are final.
 */
public final class IncidentLifecycle {

    /** A move allowed now, with its target state and what the caller must supply. */
    public record AllowedMove(Move move, IncidentState target, List<String> requires) {
    }

    private static final Map<Move, List<String>> REQUIREMENTS = Map.of(
            Move.HOLD, List.of("holdReason", "comment (to the caller, when holdReason is AWAITING_CALLER)"),
            Move.RESOLVE, List.of("resolutionCode", "resolutionNotes"),
            Move.REOPEN, List.of("reason"),
            Move.CANCEL, List.of("reason"));

    private final Duration reopenPeriod;

    public IncidentLifecycle(Duration reopenPeriod) {
        this.reopenPeriod = reopenPeriod;
    }

    public List<AllowedMove> allowedMoves(IncidentState state, Instant resolvedAt, Instant now) {
        List<AllowedMove> moves = new ArrayList<>();
        switch (state) {
            case NEW -> {
                add(moves, Move.START, IncidentState.IN_PROGRESS);
                add(moves, Move.HOLD, IncidentState.ON_HOLD);
                add(moves, Move.RESOLVE, IncidentState.RESOLVED);
                add(moves, Move.CANCEL, IncidentState.CANCELLED);
            }
            case IN_PROGRESS -> {
                add(moves, Move.HOLD, IncidentState.ON_HOLD);
                add(moves, Move.RESOLVE, IncidentState.RESOLVED);
                add(moves, Move.CANCEL, IncidentState.CANCELLED);
            }
            case ON_HOLD -> {
                add(moves, Move.RESUME, IncidentState.IN_PROGRESS);
                add(moves, Move.RESOLVE, IncidentState.RESOLVED);
                add(moves, Move.CANCEL, IncidentState.CANCELLED);
            }
            case RESOLVED -> {
                if (resolvedAt != null && now.isBefore(resolvedAt.plus(reopenPeriod))) {
                    add(moves, Move.REOPEN, IncidentState.IN_PROGRESS);
                }
                add(moves, Move.CLOSE, IncidentState.CLOSED);
            }
            case CLOSED, CANCELLED -> {
                // final: a later report is a new incident
            }
        }
        return moves;
    }

    /** The target state of {@code move}, or {@link IllegalMoveException} naming the moves allowed now. */
    public IncidentState apply(IncidentState state, Move move, Instant resolvedAt, Instant now) {
        List<AllowedMove> allowed = allowedMoves(state, resolvedAt, now);
        return allowed.stream().filter(candidate -> candidate.move() == move).findFirst()
                .map(AllowedMove::target)
                .orElseThrow(() -> new IllegalMoveException(move, state,
                        allowed.stream().map(candidate -> candidate.move().action()).toList()));
    }

    private static void add(List<AllowedMove> moves, Move move, IncidentState target) {
        moves.add(new AllowedMove(move, target, REQUIREMENTS.getOrDefault(move, List.of())));
    }
}
