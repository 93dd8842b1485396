package org.itsm.change.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.itsm.events.api.Roles;

/**
 * Who may do what to a change, now: the one home of the access rules the endpoints enforce and {@code next-states}
 * reports. The endpoints' role lists ({@code @RolesAllowed}) admit the callers; these rules then look at the actor
 * and the change.
 *
 * <ul>
 * <li>submit: the requester or a change manager;</li>
 * <li>assess, schedule, close, conflict-override: change managers (and admins);</li>
 * <li>implement, review: the assigned implementer (an agent) or a change manager;</li>
 * <li>cancel: the requester only until the authorisation completes (New, Assess, Authorize while the approval is
 * pending); change managers until the implementation starts (the lifecycle allows cancel up to Scheduled; once
 * started, the way out is the outcome FAILED or BACKED_OUT);</li>
 * <li>edit: the requester while New; change managers the plan until Authorize, the window also after it (a re-plan,
 * see {@link ChangeLifecycle#replan}), and the people until the end;</li>
 * <li>segregation of duties: nobody implements a change they requested or approved, whichever comes first — the
 * implementer cannot be the requester or an approver ({@link #implementerRefusal}), and the implementer and
 * requester cannot vote ({@link ApprovalPolicy#dutiesRefusal}); votes are further counted by {@link ApprovalPolicy}
 * (route capacities, one vote per round).</li>
 * </ul>
 */
public final class ChangeAccess {

    /** What the rules need to know of the actor. */
    public record Who(String name, Set<String> roles) {

        /** Change managers and admins run the process. */
        public boolean managesChanges() {
            return roles.contains(Roles.CHANGE_MANAGER) || roles.contains(Roles.ADMIN);
        }

        /** Everyone with a platform role but a plain requester sees every change; a requester only their own. */
        public boolean seesAllChanges() {
            return roles.stream().anyMatch(role -> !Roles.REQUESTER.equals(role) && role.startsWith("itsm-"));
        }

        boolean any(String... wanted) {
            for (String role : wanted) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the rules need to know of the change. {@code approvers}: everyone who approved it, in any round. */
    public record Facts(String number, ChangeType type, ChangeState state, ApprovalStatus approvalStatus,
            String requester, String implementer, Set<String> approvers) {
    }

    /** The actions besides the lifecycle moves. */
    public enum Action {
        EDIT("edit"), VOTE("vote"), OVERRIDE_CONFLICTS("conflict-override");

        private final String action;

        Action(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    private static final String[] RAISERS = { Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER,
            Roles.PROBLEM_MANAGER, Roles.ADMIN };

    private ChangeAccess() {
    }

    /** Why {@code who} may not make {@code move} on the change; empty when they may (the lifecycle decides if it fits). */
    public static Optional<String> refusal(ChangeMove move, Who who, Facts change) {
        boolean manager = who.managesChanges();
        boolean requester = who.name().equals(change.requester());
        return switch (move) {
            case SUBMIT -> manager || requester && who.any(RAISERS) ? Optional.empty()
                    : Optional.of("only the requester of " + change.number() + " or a change manager may submit it");
            case ASSESS, SCHEDULE, CLOSE -> manager ? Optional.empty()
                    : Optional.of("only change managers may " + move.action() + " " + change.number());
            case IMPLEMENT, REVIEW -> manager || who.name().equals(change.implementer()) && who.roles()
                    .contains(Roles.AGENT) ? Optional.empty()
                            : Optional.of("only the assigned implementer ("
                                    + (change.implementer() == null ? "none assigned" : change.implementer())
                                    + ") or a change manager may " + move.action() + " " + change.number());
            case CANCEL -> cancelRefusal(who, change, manager, requester);
        };
    }

    /** Why {@code who} may not take {@code action} on the change; empty when they may. */
    public static Optional<String> refusal(Action action, Who who, Facts change) {
        return switch (action) {
            case EDIT -> who.managesChanges() || who.name().equals(change.requester()) && who.any(RAISERS)
                    ? Optional.empty()
                    : Optional.of("only the requester of " + change.number() + " or a change manager may edit it");
            case VOTE -> !who.any(Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.ADMIN)
                    ? Optional.of("only change managers and CAB members vote")
                    : ApprovalPolicy.dutiesRefusal(who.name(), change.requester(), change.implementer());
            case OVERRIDE_CONFLICTS -> who.managesChanges() ? Optional.empty()
                    : Optional.of("only change managers accept hard conflicts");
        };
    }

    /** Why {@code who} may not name the change manager or the implementer: only change managers assign people. */
    public static Optional<String> assignmentRefusal(Who who) {
        return who.managesChanges() ? Optional.empty()
                : Optional.of("only change managers assign the change manager and the implementer");
    }

    /** Why {@code who} may not edit the plan of a change in {@code state}: after submission only change managers. */
    public static Optional<String> planEditRefusal(Who who, ChangeState state) {
        return state == ChangeState.NEW || who.managesChanges() ? Optional.empty()
                : Optional.of("after submission only change managers edit the plan");
    }

    /**
     * Why {@code implementer} may not implement the change: they requested it or approved it. Empty when they may
     * (or when no one is named).
     */
    public static Optional<String> implementerRefusal(String implementer, Facts change) {
        if (implementer == null) {
            return Optional.empty();
        }
        if (implementer.equals(change.requester())) {
            return Optional.of("segregation of duties: " + implementer + " requested " + change.number()
                    + " and cannot implement it");
        }
        if (change.approvers().contains(implementer)) {
            return Optional.of("segregation of duties: " + implementer + " approved " + change.number()
                    + " and cannot implement it");
        }
        return Optional.empty();
    }

    /** The lifecycle moves allowed now that {@code who} may make, with what each requires. */
    public static List<ChangeLifecycle.AllowedMove> movesFor(List<ChangeLifecycle.AllowedMove> allowed, Who who,
            Facts change) {
        return allowed.stream().filter(move -> refusal(move.move(), who, change).isEmpty()).toList();
    }

    /** Every action {@code who} may take now: the lifecycle moves they may make, then edit, vote, override. */
    public static List<String> actionsFor(List<ChangeLifecycle.AllowedMove> allowed, Who who, Facts change) {
        List<String> actions = new ArrayList<>(movesFor(allowed, who, change).stream()
                .map(move -> move.move().action()).toList());
        if (!change.state().isFinal() && refusal(Action.EDIT, who, change).isEmpty()
                && (who.managesChanges() || change.state() == ChangeState.NEW)) {
            actions.add(Action.EDIT.action());
        }
        if (ChangeLifecycle.awaitsVotes(change.state(), change.approvalStatus())
                && refusal(Action.VOTE, who, change).isEmpty()) {
            actions.add(Action.VOTE.action());
        }
        if (refusal(Action.OVERRIDE_CONFLICTS, who, change).isEmpty()
                && ChangeLifecycle.conflictsMatter(change.state())) {
            actions.add(Action.OVERRIDE_CONFLICTS.action());
        }
        return actions;
    }

    private static Optional<String> cancelRefusal(Who who, Facts change, boolean manager, boolean requester) {
        if (manager) {
            return Optional.empty();
        }
        if (!requester || !who.any(RAISERS)) {
            return Optional.of("only the requester of " + change.number() + " or a change manager may cancel it");
        }
        // final states are left to the lifecycle (409 with the allowed moves)
        boolean authorised = switch (change.state()) {
            case AUTHORIZE -> change.approvalStatus() == ApprovalStatus.APPROVED;
            case SCHEDULED, IMPLEMENT, REVIEW -> true;
            default -> false;
        };
        return authorised ? Optional.of("once " + change.number() + " is authorised only change managers cancel it")
                : Optional.empty();
    }
}
