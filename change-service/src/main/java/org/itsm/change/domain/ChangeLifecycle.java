package org.itsm.change.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.rest.ProblemDetail.FieldError;

/**
 * The change state machine per type. Normal: New → Assess → Authorize → Scheduled → Implement → Review → Closed.
 * Emergency skips Assess (submit goes straight to Authorize). Standard changes are pre-approved: New → Scheduled.
 * Scheduling out of Authorize needs the approval; a rejection (by vote, not a move) sends the change back to New.
 * Closing straight from Implement is only for successful non-emergency changes; the others need a review.
 * Besides the moves, the state decides what may still be edited ({@link #editRefusal}, {@link #planEditRefusal},
 * {@link #typeChangeRefusal}), whether votes are taken ({@link #awaitsVotes}) and whether conflicts still matter
 * ({@link #conflictsMatter}).
 */
public final class ChangeLifecycle {

    /** A move allowed now, with its target state and what the caller (or the record) must supply. */
    public record AllowedMove(ChangeMove move, ChangeState target, List<String> requires) {
    }

    static final List<String> PLANS = List.of("implementationPlan", "backoutPlan", "testPlan", "plannedStart",
            "plannedEnd", "affectedServiceIds");

    public List<AllowedMove> allowedMoves(ChangeType type, ChangeState state, boolean approved) {
        List<AllowedMove> moves = new ArrayList<>();
        switch (state) {
            case NEW -> {
                if (type == ChangeType.STANDARD) {
                    moves.add(new AllowedMove(ChangeMove.SCHEDULE, ChangeState.SCHEDULED,
                            List.of("plannedStart", "plannedEnd", "affectedServiceIds", "no hard conflicts")));
                } else if (type == ChangeType.EMERGENCY) {
                    moves.add(new AllowedMove(ChangeMove.SUBMIT, ChangeState.AUTHORIZE, withConflicts(PLANS)));
                } else {
                    moves.add(new AllowedMove(ChangeMove.SUBMIT, ChangeState.ASSESS, List.of()));
                }
                moves.add(cancel());
            }
            case ASSESS -> {
                List<String> requires = new ArrayList<>(List.of("impact", "complexity", "backoutDifficulty", "testing"));
                requires.addAll(withConflicts(PLANS));
                moves.add(new AllowedMove(ChangeMove.ASSESS, ChangeState.AUTHORIZE, requires));
                moves.add(cancel());
            }
            case AUTHORIZE -> {
                if (approved) {
                    moves.add(new AllowedMove(ChangeMove.SCHEDULE, ChangeState.SCHEDULED, List.of("no hard conflicts")));
                }
                moves.add(cancel());
            }
            case SCHEDULED -> {
                moves.add(new AllowedMove(ChangeMove.IMPLEMENT, ChangeState.IMPLEMENT,
                        List.of("now within the planned window, or outsideWindowReason")));
                moves.add(cancel());
            }
            case IMPLEMENT -> {
                moves.add(new AllowedMove(ChangeMove.REVIEW, ChangeState.REVIEW, List.of("outcome")));
                if (type != ChangeType.EMERGENCY) {
                    moves.add(new AllowedMove(ChangeMove.CLOSE, ChangeState.CLOSED,
                            List.of("outcome (SUCCESSFUL or SUCCESSFUL_WITH_ISSUES; others need a review)")));
                }
            }
            case REVIEW -> moves.add(new AllowedMove(ChangeMove.CLOSE, ChangeState.CLOSED, List.of("reviewNotes")));
            case CLOSED, CANCELLED -> {
                // final
            }
        }
        return moves;
    }

    /** The target state of {@code move}, or {@link IllegalMoveException} naming the moves allowed now. */
    public ChangeState apply(ChangeType type, ChangeState state, boolean approved, ChangeMove move) {
        List<AllowedMove> allowed = allowedMoves(type, state, approved);
        return allowed.stream().filter(candidate -> candidate.move() == move).findFirst()
                .map(AllowedMove::target)
                .orElseThrow(() -> new IllegalMoveException(move.action(), state.name(),
                        allowed.stream().map(candidate -> candidate.move().action()).toList()));
    }

    /** Why a change in {@code state} can no longer be edited at all (a final state); empty while it can. */
    public static Optional<String> editRefusal(String number, ChangeState state) {
        return state.isFinal() ? Optional.of("Change " + number + " is " + state + " and can no longer change")
                : Optional.empty();
    }

    /**
     * Why the plan may not be edited in {@code state}: it is free in New and Assess; awaiting authorisation or
     * scheduled only the window may move (a re-plan, {@link #replan}); once implementation started it is fixed.
     * {@code beyondWindow}: the edit touches more of the plan than the window.
     */
    public static Optional<String> planEditRefusal(String number, ChangeState state, boolean beyondWindow) {
        if (isReplanning(state)) {
            return beyondWindow ? Optional.of("The plan of " + number + " is fixed once it awaits authorisation;"
                    + " only the window can be re-planned (which asks for a new approval), and the change manager"
                    + " and the implementer assigned") : Optional.empty();
        }
        if (state != ChangeState.NEW && state != ChangeState.ASSESS) {
            return Optional.of("The plan of " + number + " is fixed once implementation started;"
                    + " only the change manager and the implementer can still be assigned");
        }
        return Optional.empty();
    }

    /** The type changes only while New. */
    public static Optional<String> typeChangeRefusal(String number, ChangeState state) {
        return state == ChangeState.NEW ? Optional.empty()
                : Optional.of("The type can change only while the change is New; " + number + " is " + state);
    }

    /** Whether moving the window in {@code state} is a re-plan: the approval was given for the old window. */
    public static boolean isReplanning(ChangeState state) {
        return state == ChangeState.AUTHORIZE || state == ChangeState.SCHEDULED;
    }

    /** Votes are taken only while the change awaits authorisation with its approval pending. */
    public static boolean awaitsVotes(ChangeState state, ApprovalStatus approval) {
        return state == ChangeState.AUTHORIZE && approval == ApprovalStatus.PENDING;
    }

    /** Schedule conflicts (and their override) matter only before implementation. */
    public static boolean conflictsMatter(ChangeState state) {
        return state == ChangeState.NEW || state == ChangeState.ASSESS || state == ChangeState.AUTHORIZE
                || state == ChangeState.SCHEDULED;
    }

    /** What a change still lacks to be scheduled: a window and at least one affected service. */
    public static List<FieldError> missingForSchedule(ChangeRequest change) {
        List<FieldError> missing = new ArrayList<>();
        if (change.plannedStart == null) {
            missing.add(new FieldError("plannedStart", "a planned window is required"));
        }
        if (change.plannedEnd == null) {
            missing.add(new FieldError("plannedEnd", "a planned window is required"));
        }
        if (change.affectedServiceIds.isEmpty()) {
            missing.add(new FieldError("affectedServiceIds", "name at least one affected service"));
        }
        return missing;
    }

    /** What a change still lacks to enter Authorize: the three plans, then what scheduling needs. */
    public static List<FieldError> missingForAuthorize(ChangeRequest change) {
        List<FieldError> missing = new ArrayList<>();
        if (blank(change.implementationPlan)) {
            missing.add(new FieldError("implementationPlan", "required before authorisation"));
        }
        if (blank(change.backoutPlan)) {
            missing.add(new FieldError("backoutPlan", "required before authorisation"));
        }
        if (blank(change.testPlan)) {
            missing.add(new FieldError("testPlan", "required before authorisation"));
        }
        missing.addAll(missingForSchedule(change));
        return missing;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Failed, backed-out and emergency changes get a post-implementation review before they close: an emergency
     * change needs one from the start, the others once their outcome ({@code null} while unknown) is a failure.
     */
    public static boolean reviewRequired(ChangeType type, Outcome outcome) {
        return type == ChangeType.EMERGENCY || outcome != null && !outcome.implemented();
    }

    /**
     * Where moving the planned window leads. Before Authorize the change stays where it is. In Authorize or Scheduled
     * the approval was given for the old window, so a normal or emergency change goes back to Authorize for a new
     * approval round, and a standard change back to New (it is scheduled again, which checks the conflicts again).
     * Once implementation has started the window is history: empty.
     */
    public Optional<ChangeState> replan(ChangeType type, ChangeState state) {
        return switch (state) {
            case NEW, ASSESS -> Optional.of(state);
            case AUTHORIZE, SCHEDULED -> Optional.of(type == ChangeType.STANDARD ? ChangeState.NEW : ChangeState.AUTHORIZE);
            default -> Optional.empty();
        };
    }

    /** Whether moving the window from {@code state} starts a new approval round. */
    public boolean replanNeedsApproval(ChangeType type, ChangeState state) {
        return type != ChangeType.STANDARD && (state == ChangeState.AUTHORIZE || state == ChangeState.SCHEDULED);
    }

    private static AllowedMove cancel() {
        return new AllowedMove(ChangeMove.CANCEL, ChangeState.CANCELLED, List.of("reason"));
    }

    private static List<String> withConflicts(List<String> requires) {
        List<String> all = new ArrayList<>(requires);
        all.add("no hard conflicts (or a recorded override)");
        return all;
    }
}
