package org.itsm.problem.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * The problem state machine: New → Assessment → Root Cause Analysis → Fix in Progress → Resolved → Closed, plus
 * Cancelled from any open state. Fix in Progress may go back to Root Cause Analysis. Which resolution codes a
 * resolve may carry depends on the state: only a problem being fixed can end FIX_APPLIED, analysis can end in an
 * accepted risk, and a problem not yet being fixed can turn out to be a duplicate. Also which other actions a state
 * admits (changing fields, links, the known error, the fix change) and what the end of the fix change means.
 */
public final class ProblemLifecycle {

    /** A move allowed now, where it leads, what the caller must supply and (for resolve) the codes allowed. */
    public record AllowedMove(Move move, ProblemState target, List<String> requires,
            List<ResolutionCode> resolutionCodes) {
    }

    /** A requirement of a move that the problem or the request does not meet. */
    public record Violation(String field, String message) {
    }

    /**
     * What the checks look at: the problem's root cause and fix change (with its outcome), and the request's notes,
     * duplicate and reason.
     */
    public record Facts(String rootCause, String fixChangeNumber, String fixChangeOutcome, String resolutionNotes,
            String duplicateOf, String reason) {

        public Facts(String rootCause, String fixChangeNumber, String resolutionNotes, String duplicateOf) {
            this(rootCause, fixChangeNumber, null, resolutionNotes, duplicateOf, null);
        }

        /** What the problem holds, with the request's notes and duplicate (null when the request has none). */
        public static Facts of(Problem problem, String resolutionNotes, String duplicateOf) {
            return new Facts(problem.rootCause, problem.fixChangeNumber, problem.fixChangeOutcome, resolutionNotes,
                    duplicateOf, null);
        }

        /** A recorded fix change is evidence of the fix once implemented (not while pending, failed or cancelled). */
        boolean hasFixChange() {
            return !blank(fixChangeNumber) && FixChangeOutcome.IMPLEMENTED.name().equals(fixChangeOutcome);
        }
    }

    private static final Map<ProblemState, List<ResolutionCode>> RESOLUTION_CODES = new EnumMap<>(Map.of(
            ProblemState.NEW, List.of(ResolutionCode.DUPLICATE),
            ProblemState.ASSESSMENT, List.of(ResolutionCode.DUPLICATE),
            ProblemState.ROOT_CAUSE_ANALYSIS, List.of(ResolutionCode.RISK_ACCEPTED, ResolutionCode.DUPLICATE),
            ProblemState.FIX_IN_PROGRESS, List.of(ResolutionCode.FIX_APPLIED, ResolutionCode.RISK_ACCEPTED)));

    private static final Map<Move, List<String>> REQUIREMENTS = Map.of(
            Move.START_FIX, List.of("rootCause (on the problem)"),
            Move.RESOLVE, List.of("resolutionCode",
                    "FIX_APPLIED: rootCause and an implemented fix change or resolutionNotes",
                    "RISK_ACCEPTED: resolutionNotes",
                    "DUPLICATE: duplicateOf (another problem, not cancelled)"),
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

    /**
     * The other actions the state admits: an open problem takes field changes, links and its known error; the fix
     * change is recorded during analysis or the fix. A resolved, closed or cancelled problem takes none.
     */
    public List<ProblemAction> allowedActions(ProblemState state) {
        if (!state.isOpen()) {
            return List.of();
        }
        List<ProblemAction> actions = new ArrayList<>(List.of(ProblemAction.UPDATE, ProblemAction.LINK_INCIDENT,
                ProblemAction.UNLINK_INCIDENT, ProblemAction.PUBLISH_KNOWN_ERROR));
        if (state == ProblemState.ROOT_CAUSE_ANALYSIS || state == ProblemState.FIX_IN_PROGRESS) {
            actions.add(ProblemAction.RECORD_FIX_CHANGE);
        }
        return actions;
    }

    /**
     * Why the state does not admit {@code action} (empty when it does): field changes, links and the known error only
     * while open, the fix change only during analysis or the fix.
     */
    public Optional<String> refusal(ProblemState state, ProblemAction action) {
        if (allowedActions(state).contains(action)) {
            return Optional.empty();
        }
        return Optional.of("Cannot " + action.action() + " a problem that is " + state
                + (action == ProblemAction.RECORD_FIX_CHANGE
                        ? " (a fix change is recorded during root cause analysis or the fix)" : ""));
    }

    /**
     * The target state of {@code move}; {@code code} matters only for resolve. An illegal move (or a resolution code
     * the state does not admit) is the shared {@link IllegalMoveException} naming the moves allowed now.
     */
    public ProblemState apply(ProblemState state, Move move, ResolutionCode code) {
        List<AllowedMove> allowed = allowedMoves(state);
        List<String> allowedActions = allowed.stream().map(candidate -> candidate.move().action()).toList();
        AllowedMove found = allowed.stream().filter(candidate -> candidate.move() == move).findFirst()
                .orElseThrow(() -> new IllegalMoveException(move.action(), state.name(), allowedActions));
        if (move == Move.RESOLVE && !found.resolutionCodes().contains(code)) {
            throw new IllegalMoveException("resolve with " + code + " (codes allowed now: " + found.resolutionCodes()
                    + ")", state.name(), allowedActions);
        }
        return found.target();
    }

    /**
     * What a move still lacks: a fix needs a known root cause; each resolution code has its own evidence (a fix
     * change is evidence once implemented; pending, failed or cancelled it is none); a cancel needs its reason.
     */
    public List<Violation> unmetRequirements(Move move, ResolutionCode code, Facts facts) {
        List<Violation> violations = new ArrayList<>();
        if (move == Move.START_FIX && blank(facts.rootCause())) {
            violations.add(new Violation("rootCause", "record the root cause before starting the fix"));
        }
        if (move == Move.CANCEL && blank(facts.reason())) {
            violations.add(new Violation("reason", "say why the problem is cancelled"));
        }
        if (move == Move.RESOLVE && code == null) {
            violations.add(new Violation("resolutionCode", "choose how the problem ends"));
        }
        if (move == Move.RESOLVE && code != null) {
            switch (code) {
                case FIX_APPLIED -> {
                    if (blank(facts.rootCause())) {
                        violations.add(new Violation("rootCause", "a fix can only be applied to a known root cause"));
                    }
                    if (!facts.hasFixChange() && blank(facts.resolutionNotes())) {
                        violations.add(new Violation("resolutionNotes", blank(facts.fixChangeNumber())
                                ? "describe the fix, or record the change that carries it"
                                : "fix change " + facts.fixChangeNumber() + " " + (facts.fixChangeOutcome() == null
                                        ? "is not implemented yet (its implementation resolves the problem)"
                                        : facts.fixChangeOutcome().toLowerCase(java.util.Locale.ROOT))
                                        + "; describe the fix applied"));
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

    /**
     * The fields a move still needs, given what the problem already holds: those the problem lacks and those the
     * request must carry. The same check as {@link #unmetRequirements}, asked with an empty request.
     */
    public List<String> requiredFields(Move move, Facts problemFacts) {
        return fields(unmetRequirements(move, null, withoutRequest(problemFacts)));
    }

    /** For resolve: the fields each allowed code still needs, given what the problem already holds. */
    public Map<ResolutionCode, List<String>> requiredFieldsByCode(ProblemState state, Facts problemFacts) {
        Map<ResolutionCode, List<String>> byCode = new LinkedHashMap<>();
        for (ResolutionCode code : RESOLUTION_CODES.getOrDefault(state, List.of())) {
            byCode.put(code, fields(unmetRequirements(Move.RESOLVE, code, withoutRequest(problemFacts))));
        }
        return byCode;
    }

    /**
     * What the end of the fix change means for a problem in {@code state}: an implemented change resolves a problem
     * being fixed (FIX_APPLIED); a failed or cancelled one sends it back to root cause analysis, since no fix is
     * pending any more. In any other state the outcome is only recorded.
     */
    public Optional<Move> onFixChangeEnded(ProblemState state, FixChangeOutcome outcome) {
        if (state != ProblemState.FIX_IN_PROGRESS) {
            return Optional.empty();
        }
        return Optional.of(outcome == FixChangeOutcome.IMPLEMENTED ? Move.RESOLVE : Move.REANALYSE);
    }

    /**
     * What recording the fix change means for a problem in {@code state} (one the fix change action is allowed on):
     * a problem still in analysis starts the fix (which needs the root cause); one being fixed only records it.
     */
    public Optional<Move> onFixChangeRecorded(ProblemState state) {
        return state == ProblemState.ROOT_CAUSE_ANALYSIS ? Optional.of(Move.START_FIX) : Optional.empty();
    }

    /**
     * Whether {@code changeNumber} may be recorded as the fix change: not the change already recorded once it
     * failed or was cancelled (a new change carries the next attempt).
     */
    public List<Violation> fixChangeViolations(String changeNumber, String recordedChange, String recordedOutcome) {
        if (changeNumber.equals(recordedChange) && FixChangeOutcome.withdrawn(recordedOutcome)) {
            return List.of(new Violation("changeNumber", "change " + changeNumber + " "
                    + recordedOutcome.toLowerCase(java.util.Locale.ROOT) + "; record the new change carrying the fix"));
        }
        return List.of();
    }

    private static Facts withoutRequest(Facts facts) {
        return new Facts(facts.rootCause(), facts.fixChangeNumber(), facts.fixChangeOutcome(), null, null, null);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).distinct().toList();
    }

    private static void add(List<AllowedMove> moves, Move move, ProblemState target, ProblemState from) {
        moves.add(new AllowedMove(move, target, REQUIREMENTS.getOrDefault(move, List.of()),
                move == Move.RESOLVE ? RESOLUTION_CODES.get(from) : List.of()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
