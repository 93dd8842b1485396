package org.itsm.change.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change state machine per type. Normal: New → Assess → Authorize → Scheduled → Implement → Review → Closed.
 * Emergency skips Assess (submit goes straight to Authorize). Standard changes are pre-approved: New → Scheduled.
 * Scheduling out of Authorize needs the approval; a rejection (by vote, not a move) sends the change back to New.
 * Closing straight from Implement is only for successful non-emergency changes; the others need a review.
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
                .orElseThrow(() -> new IllegalMoveException(move, state,
                        allowed.stream().map(candidate -> candidate.move().action()).toList()));
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
