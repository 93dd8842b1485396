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

    /**
     * A move allowed now, with its target state and its request body: the fields it requires, those it accepts
     * besides, and a condition on them (null when none).
     */
    public record AllowedMove(Move move, IncidentState target, List<String> requires, List<String> optional,
            String condition) {
    }

    /** The body fields of a move, as the endpoints enforce them. */
    public record MoveFields(List<String> requires, List<String> optional, String condition) {
    }

    private static final MoveFields NO_FIELDS = new MoveFields(List.of(), List.of(), null);

    private static final Map<Move, MoveFields> FIELDS = Map.of(
            Move.HOLD, new MoveFields(List.of("holdReason"), List.of("comment"),
                    "comment (to the caller) is required when holdReason is AWAITING_CALLER"),
            Move.RESOLVE, new MoveFields(List.of("resolutionCode", "resolutionNotes"), List.of(), null),
            Move.REOPEN, new MoveFields(List.of("reason"), List.of(), null),
            Move.CANCEL, new MoveFields(List.of("reason"), List.of(), null));

    /** What a move's request body must and may carry. */
    public static MoveFields fieldsOf(Move move) {
        return FIELDS.getOrDefault(move, NO_FIELDS);
    }

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
        MoveFields fields = fieldsOf(move);
        moves.add(new AllowedMove(move, target, fields.requires(), fields.optional(), fields.condition()));
    }
}
