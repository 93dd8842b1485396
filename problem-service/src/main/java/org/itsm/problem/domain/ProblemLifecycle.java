package org.itsm.problem.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The problem state machine: New → Assessment → Root Cause Analysis → Fix in Progress → Resolved → Closed, plus
 * Cancelled from any open state. Fix in Progress may go back to Root Cause Analysis. Which resolution codes a
 * resolve may carry depends on the state: only a problem being fixed can end FIX_APPLIED, analysis can end in an
 * accepted risk, and a problem not yet being fixed can turn out to be a duplicate.
 */
public final class ProblemLifecycle {

    /** A move allowed now, where it leads, what the caller must supply and (for resolve) the codes allowed. */
    public record AllowedMove(Move move, ProblemState target, List<String> requires,
            List<ResolutionCode> resolutionCodes) {
    }

    /** A requirement of a move that the problem or the request does not meet. */
    public record Violation(String field, String message) {
    }

    private static final Map<ProblemState, List<ResolutionCode>> RESOLUTION_CODES = new EnumMap<>(Map.of(
            ProblemState.NEW, List.of(ResolutionCode.DUPLICATE),
            ProblemState.ASSESSMENT, List.of(ResolutionCode.DUPLICATE),
            ProblemState.ROOT_CAUSE_ANALYSIS, List.of(ResolutionCode.RISK_ACCEPTED, ResolutionCode.DUPLICATE),
            ProblemState.FIX_IN_PROGRESS, List.of(ResolutionCode.FIX_APPLIED, ResolutionCode.RISK_ACCEPTED)));

    private static final Map<Move, List<String>> REQUIREMENTS = Map.of(
            Move.START_FIX, List.of("rootCause (on the problem)"),
            Move.RESOLVE, List.of("resolutionCode",
                    "FIX_APPLIED: rootCause and a fix change or resolutionNotes",
                    "RISK_ACCEPTED: resolutionNotes",
                    "DUPLICATE: duplicateOf"),
            Move.CANCEL, List.of("reason"));

    public List<AllowedMove> allowedMoves(ProblemState state) {
        List<AllowedMove> moves = new ArrayList<>();
        switch (state) {
            case NEW -> add(moves, Move.ASSESS, ProblemState.ASSESSMENT, state);
            case ASSESSMENT -> add(moves, Move.ANALYSE, ProblemState.ROOT_CAUSE_ANALYSIS, state);
            case ROOT_CAUSE_ANALYSIS -> add(moves, Move.START_FIX, ProblemState.FIX_IN_PROGRESS, state);
            case FIX_IN_PROGRESS -> add(moves, Move.REANALYSE, ProblemState.ROOT_CAUSE_ANALYSIS, state);
            case RESOLVED -> add(moves, Move.CLOSE, ProblemState.CLOSED, state);
            case CLOSED, CANCELLED -> {
                // final: a recurrence is a new problem
            }
        }
        if (state.isOpen()) {
            add(moves, Move.RESOLVE, ProblemState.RESOLVED, state);
            add(moves, Move.CANCEL, ProblemState.CANCELLED, state);
        }
        return moves;
    }

    /** The target state of {@code move}; {@code code} matters only for resolve. */
    public ProblemState apply(ProblemState state, Move move, ResolutionCode code) {
        List<AllowedMove> allowed = allowedMoves(state);
        AllowedMove found = allowed.stream().filter(candidate -> candidate.move() == move).findFirst()
                .orElseThrow(() -> new IllegalMoveException("Cannot " + move.action() + " from " + state,
                        allowed.stream().map(candidate -> candidate.move().action()).toList()));
        if (move == Move.RESOLVE && !found.resolutionCodes().contains(code)) {
            throw new IllegalMoveException("Cannot resolve with " + code + " from " + state + "; codes allowed now: "
                    + found.resolutionCodes(), allowed.stream().map(candidate -> candidate.move().action()).toList());
        }
        return found.target();
    }

    /** What a move still lacks: a fix needs a known root cause; each resolution code has its own evidence. */
    public List<Violation> unmetRequirements(Move move, ResolutionCode code, Facts facts) {
        List<Violation> violations = new ArrayList<>();
        if (move == Move.START_FIX && blank(facts.rootCause())) {
            violations.add(new Violation("rootCause", "record the root cause before starting the fix"));
        }
        if (move == Move.RESOLVE && code != null) {
            switch (code) {
                case FIX_APPLIED -> {
                    if (blank(facts.rootCause())) {
                        violations.add(new Violation("rootCause", "a fix can only be applied to a known root cause"));
                    }
                    if (blank(facts.fixChangeNumber()) && blank(facts.resolutionNotes())) {
                        violations.add(new Violation("resolutionNotes",
                                "describe the fix, or record the change that carries it"));
                    }
                }
                case RISK_ACCEPTED -> {
                    if (blank(facts.resolutionNotes())) {
                        violations.add(new Violation("resolutionNotes", "say why the risk is accepted"));
                    }
                }
                case DUPLICATE -> {
                    if (blank(facts.duplicateOf())) {
                        violations.add(new Violation("duplicateOf", "name the problem this one duplicates"));
                    }
                }
                case CANCELLED -> violations.add(new Violation("resolutionCode", "use the cancel action to cancel"));
            }
        }
        return violations;
    }

    /** What the checks look at: the problem's root cause and fix change, and the request's notes. */
    public record Facts(String rootCause, String fixChangeNumber, String resolutionNotes, String duplicateOf) {
    }

    private static void add(List<AllowedMove> moves, Move move, ProblemState target, ProblemState from) {
        moves.add(new AllowedMove(move, target, REQUIREMENTS.getOrDefault(move, List.of()),
                move == Move.RESOLVE ? RESOLUTION_CODES.get(from) : List.of()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
