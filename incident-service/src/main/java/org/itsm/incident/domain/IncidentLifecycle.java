package org.itsm.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.rest.ApiProblem;

/**
 * The incident state machine: which move is allowed from which state, where it leads and what it requires.
 * Reopen is allowed only within the reopen period after resolution; Closed and Cancelled are final. The guards of
 * the other use cases live here too, so a state rule has one home: fields and comments change only while the
 * incident is open or resolved, assignment only while it is open; a hold awaiting the caller needs a comment to the
 * caller and pauses the SLA clocks, and the caller's public reply resumes it; reopen and cancel need a reason.
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
                .orElseThrow(() -> new IllegalMoveException(move.action(), state.name(),
                        allowed.stream().map(candidate -> candidate.move().action()).toList()));
    }

    /** Fields and comments change while the incident is open or resolved (a reopen is still possible). */
    public static boolean acceptsChanges(IncidentState state) {
        return state.isOpen() || state == IncidentState.RESOLVED;
    }

    /** Refuses a change of fields to a closed or cancelled incident (409). */
    public static void requireChangeable(String number, IncidentState state) {
        if (!acceptsChanges(state)) {
            throw ApiProblem.conflict("Incident " + number + " is " + state + " and can no longer change");
        }
    }

    /** Refuses a comment or work note on a closed or cancelled incident (409): a later report is a new incident. */
    public static void requireCommentable(String number, IncidentState state) {
        if (!acceptsChanges(state)) {
            throw ApiProblem.conflict("Incident " + number + " is " + state + "; raise a new incident");
        }
    }

    /** Only open incidents are assigned (409 otherwise). */
    public static void requireAssignable(String number, IncidentState state) {
        if (!state.isOpen()) {
            throw ApiProblem.conflict("Only open incidents can be assigned; " + number + " is " + state);
        }
    }

    /** A hold awaiting the caller needs a comment to the caller (400 naming {@code comment}). */
    public static void requireHoldFields(HoldReason reason, String comment) {
        if (reason == HoldReason.AWAITING_CALLER && (comment == null || comment.isBlank())) {
            throw ApiProblem.invalidField("comment", "a comment to the caller is required when awaiting the caller");
        }
    }

    /** Only waiting for the caller stops the SLA clocks; other holds leave them running. */
    public static boolean pausesSla(HoldReason reason) {
        return reason == HoldReason.AWAITING_CALLER;
    }

    /** The caller's public reply to an incident on hold awaiting them resumes it. */
    public static boolean replyResumes(IncidentState state, HoldReason holdReason, boolean byCaller,
            boolean internal) {
        return !internal && byCaller && state == IncidentState.ON_HOLD && holdReason == HoldReason.AWAITING_CALLER;
    }

    /** Reopen and cancel need a reason (400 naming {@code reason}); the reason as recorded, stripped. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "a reason is required");
        }
        return reason.strip();
    }

    private static void add(List<AllowedMove> moves, Move move, IncidentState target) {
        MoveFields fields = fieldsOf(move);
        moves.add(new AllowedMove(move, target, fields.requires(), fields.optional(), fields.condition()));
    }
}
