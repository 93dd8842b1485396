package org.itsm.problem.domain;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.itsm.events.api.Roles;

/**
 * Who may do what to problems, by action name: problem managers and admins manage problems; agents read them,
 * propose new ones (unassigned: assignment is the problem manager's decision) and link incidents (unlinking is the
 * problem manager's decision too); nobody else has access. The
 * endpoints' {@code @RolesAllowed} are checked against this class (ProblemAccessTest), and next-states asks it which
 * of the moves and actions the state admits are the caller's.
 */
public final class ProblemAccess {

    /** Who is asking: the user name and the realm roles from the token. */
    public record Caller(String name, Set<String> roles) {
    }

    public static final String READ = "read";
    public static final String CREATE = "create";
    /** Choosing the assignee or assignment group: on create as on update, the problem manager's decision. */
    public static final String ASSIGN = "assign";

    static final Set<String> MANAGERS = Set.of(Roles.PROBLEM_MANAGER, Roles.ADMIN);
    static final Set<String> READERS = Set.of(Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT);

    private static final Map<String, Set<String>> ROLES = roles();
    private static final ProblemLifecycle LIFECYCLE = new ProblemLifecycle();

    private static Map<String, Set<String>> roles() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        roles.put(READ, READERS);
        roles.put(CREATE, READERS);
        roles.put(ProblemAction.LINK_INCIDENT.action(), READERS);
        roles.put(ASSIGN, MANAGERS);
        Stream.of(ProblemAction.UPDATE, ProblemAction.UNLINK_INCIDENT, ProblemAction.RECORD_FIX_CHANGE,
                ProblemAction.PUBLISH_KNOWN_ERROR).forEach(action -> roles.put(action.action(), MANAGERS));
        for (Move move : Move.values()) {
            roles.put(move.action(), MANAGERS);
        }
        return Map.copyOf(roles);
    }

    /** The roles admitted to {@code action} (a move's or an action's name, {@code read} or {@code create}). */
    public Set<String> rolesFor(String action) {
        Set<String> roles = ROLES.get(action);
        if (roles == null) {
            throw new IllegalArgumentException("unknown problem action " + action);
        }
        return roles;
    }

    public boolean may(Caller caller, String action) {
        return rolesFor(action).stream().anyMatch(caller.roles()::contains);
    }

    /** The moves the state admits that the caller may make. */
    public List<ProblemLifecycle.AllowedMove> movesFor(Caller caller, List<ProblemLifecycle.AllowedMove> moves) {
        return moves.stream().filter(move -> may(caller, move.move().action())).toList();
    }

    /** Every move and action the state admits that the caller may take, moves first. */
    public List<String> actionsFor(Caller caller, List<ProblemLifecycle.AllowedMove> moves,
            List<ProblemAction> actions) {
        return Stream.concat(moves.stream().map(move -> move.move().action()),
                actions.stream().map(ProblemAction::action))
                .filter(action -> may(caller, action)).toList();
    }

    /** Every move and action a problem in {@code state} admits that the caller may take, moves first. */
    public List<String> actionsFor(Caller caller, ProblemState state) {
        return actionsFor(caller, LIFECYCLE.allowedMoves(state), LIFECYCLE.allowedActions(state));
    }

    /**
     * Why the caller may not raise a problem so assigned (empty when they may): only a problem manager chooses the
     * assignee or the assignment group; others propose the problem without them.
     */
    public Optional<String> assignmentRefusal(Caller caller, String assignee, String assignmentGroup) {
        List<String> assignment = new ArrayList<>();
        if (assignee != null) {
            assignment.add("assignee");
        }
        if (assignmentGroup != null) {
            assignment.add("assignmentGroup");
        }
        if (assignment.isEmpty() || may(caller, ASSIGN)) {
            return Optional.empty();
        }
        return Optional.of("Only a problem manager assigns problems; propose it without "
                + String.join(" and ", assignment));
    }
}
