package org.itsm.incident.domain;

import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.support.rest.ApiProblem;

/**
 * Who may do what to an incident, asked both by the endpoints (before a move or a major declaration) and by
 * next-states (so it offers only what the caller may do):
 * <ul>
 * <li>staff (agents, admins, problem and change managers) read every incident, its work notes and the whole
 * history; a requester reads only the incidents they are the caller of, without work notes;</li>
 * <li>agents and admins work incidents: every lifecycle move and declaring a major incident;</li>
 * <li>the incident's caller (a requester) may reopen their own resolved incident;</li>
 * <li>everyone else who may read the incident (problem and change managers, other requesters) may move nothing.</li>
 * </ul>
 */
public final class IncidentAccess {

    private IncidentAccess() {
    }

    /** Staff read every incident with its work notes; anyone else only their own, without them. */
    public static boolean readsEveryIncident(Set<String> roles) {
        return roles.contains(Roles.AGENT) || roles.contains(Roles.ADMIN) || roles.contains(Roles.PROBLEM_MANAGER)
                || roles.contains(Roles.CHANGE_MANAGER);
    }

    public static boolean works(Set<String> roles) {
        return roles.contains(Roles.AGENT) || roles.contains(Roles.ADMIN);
    }

    /** Whether someone with {@code roles}, who is ({@code isCaller}) or is not the incident's caller, may make the move. */
    public static boolean mayMove(Move move, Set<String> roles, boolean isCaller) {
        if (works(roles)) {
            return true;
        }
        return move == Move.REOPEN && isCaller && roles.contains(Roles.REQUESTER);
    }

    /** Declaring a major incident (at create or by a change) is for those who work incidents. */
    public static boolean mayDeclareMajor(Set<String> roles) {
        return works(roles);
    }

    /** Refuses (403) a request that makes a non-major incident major from roles that may not declare one. */
    public static void requireMayDeclareMajor(Set<String> roles, boolean wasMajor, Boolean requested) {
        if (Boolean.TRUE.equals(requested) && !wasMajor && !mayDeclareMajor(roles)) {
            throw ApiProblem.forbidden("Your roles may not declare a major incident (field major)");
        }
    }
}
