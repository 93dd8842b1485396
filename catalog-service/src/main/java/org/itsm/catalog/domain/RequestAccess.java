package org.itsm.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.itsm.events.api.Roles;

/**
 * Who may make which move on a request: the one rule the endpoints enforce and {@code allowedActions} shows.
 *
 * <ul>
 * <li>the approvals inbox ({@link #awaitsDecisionOf}): requests awaiting approval whose rule names the caller;</li>
 * <li>approve / reject: only the approver the item's rule names — the requester's manager (rule MANAGER) or a
 * catalog manager (rule CATALOG_MANAGER) — or an admin; never the requester, not even an admin on their own
 * request; reject needs a {@code comment};</li>
 * <li>cancel / close: the requester or fulfilment staff (agent, admin);</li>
 * <li>task start / complete and adding tasks: fulfilment staff (agent, admin);</li>
 * <li>seeing a request: fulfilment staff and catalog managers see all; others those they ordered or must approve
 * (and cannot tell another's request from a missing one).</li>
 * </ul>
 * A move shows in {@code allowedActions} only when the lifecycle allows it now and the actor may make it.
 */
public final class RequestAccess {

    /** The acting user: name, realm roles. */
    public record Who(String name, Set<String> roles) {

        public boolean admin() {
            return roles.contains(Roles.ADMIN);
        }

        public boolean catalogManager() {
            return roles.contains(Roles.CATALOG_MANAGER) || admin();
        }

        public boolean fulfils() {
            return roles.contains(Roles.AGENT) || admin();
        }
    }

    /** An action offered to the actor, with the body fields it needs. */
    public record Action(String action, List<String> requiredFields) {
    }

    private RequestAccess() {
    }

    /** Fulfilment staff and catalog managers see every request; anyone else those they ordered or must approve. */
    public static boolean seesAll(Who who) {
        return who.fulfils() || who.catalogManager();
    }

    public static boolean sees(ServiceRequest request, Who who) {
        return seesAll(who) || who.name().equals(request.requester) || who.name().equals(request.approver);
    }

    public static boolean mayDecide(ServiceRequest request, Who who) {
        if (who.name().equals(request.requester)) {
            return false;
        }
        return who.admin() || switch (request.approvalRule) {
            case MANAGER -> who.name().equals(request.approver);
            case CATALOG_MANAGER -> who.catalogManager();
            case NONE -> false;
        };
    }

    /**
     * Whether the request waits for {@code who}'s decision (the approvals inbox): it awaits approval and {@code who}
     * is the approver its rule names — the requester's manager (MANAGER) or a catalog manager (CATALOG_MANAGER) —
     * and not the requester. An admin may decide any request ({@link #mayDecide}) but only those naming them as
     * approver wait for them; an admin counts as a catalog manager.
     */
    public static boolean awaitsDecisionOf(ServiceRequest request, Who who) {
        if (request.state != RequestState.AWAITING_APPROVAL || who.name().equals(request.requester)) {
            return false;
        }
        return switch (request.approvalRule) {
            case MANAGER -> who.name().equals(request.approver);
            case CATALOG_MANAGER -> who.catalogManager();
            case NONE -> false;
        };
    }

    public static boolean mayCancelOrClose(ServiceRequest request, Who who) {
        return who.fulfils() || who.name().equals(request.requester);
    }

    public static boolean mayWorkTasks(Who who) {
        return who.fulfils();
    }

    /** Whether {@code who} may make {@code move} (regardless of the request's state). */
    public static boolean may(ServiceRequest request, RequestMove move, Who who) {
        return switch (move) {
            case APPROVE, REJECT -> mayDecide(request, who);
            case CANCEL, CLOSE -> mayCancelOrClose(request, who);
            case START_FULFILMENT, FULFIL -> mayWorkTasks(who);
            case AWAIT_APPROVAL, AUTO_APPROVE -> false;
        };
    }

    /** Why {@code who} may not make {@code move}: the 403's detail. */
    public static String refusal(ServiceRequest request, RequestMove move) {
        return switch (move) {
            case APPROVE, REJECT -> "Only " + (request.approvalRule == ApprovalRule.MANAGER
                    ? "the requester's manager (" + request.approver + ")"
                    : request.approvalRule == ApprovalRule.CATALOG_MANAGER ? "a catalog manager" : "nobody")
                    + " or an admin may decide on " + request.number + ", and never the requester";
            case CANCEL, CLOSE -> "Only the requester or fulfilment staff may " + move.action() + " "
                    + request.number;
            default -> "Only fulfilment staff may work the tasks of " + request.number;
        };
    }

    /** The request actions ({@code POST /requests/{id}/<action>}) {@code who} can make now, with their fields. */
    public static List<Action> allowedActions(ServiceRequest request, Who who) {
        List<Action> actions = new ArrayList<>();
        for (RequestMove move : RequestLifecycle.allowedMoves(request.state)) {
            if (move.requestAction() && may(request, move, who)) {
                actions.add(new Action(move.endpoint(),
                        move == RequestMove.REJECT ? List.of("comment") : List.of()));
            }
        }
        return actions;
    }

    /** The task actions ({@code tasks/{taskId}/<action>}) {@code who} can make now on a task in {@code state}. */
    public static List<String> allowedTaskActions(TaskState state, Who who) {
        return mayWorkTasks(who) ? TaskLifecycle.allowedActions(state) : List.of();
    }
}
