package org.itsm.incident.service;

import java.util.Set;

import org.itsm.incident.domain.IncidentAccess;

/**
 * Who is acting: the user name, their roles and the assignment groups they belong to (their token's
 * {@code assignment_groups} claim, read by {@code rest.CurrentActor}); what the roles allow is read in
 * {@link IncidentAccess}.
 */
public record Actor(String name, Set<String> roles, Set<String> groups) {

    public Actor {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    /** Staff see every incident and its work notes; a plain requester only their own. */
    public boolean isStaff() {
        return IncidentAccess.readsEveryIncident(roles);
    }

    /** Works incidents (every move, major declaration). */
    public boolean canWork() {
        return IncidentAccess.works(roles);
    }

    /** Whether the actor is the incident's caller (who may reopen it and whose reply resumes it). */
    public boolean isCaller(String caller) {
        return name.equals(caller);
    }
}
