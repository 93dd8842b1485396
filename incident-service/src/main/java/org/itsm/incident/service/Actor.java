package org.itsm.incident.service;

import java.util.Set;

import org.itsm.incident.domain.IncidentAccess;
import org.itsm.events.api.Roles;

/** Who is acting: the user name and whether they act as service desk staff or only as a requester. */
public record Actor(String name, Set<String> roles) {

    /** Staff see and work every incident; a plain requester only their own. */
    public boolean isStaff() {
        return roles.contains(Roles.AGENT) || roles.contains(Roles.ADMIN) || roles.contains(Roles.PROBLEM_MANAGER)
                || roles.contains(Roles.CHANGE_MANAGER);
    }

    /** Works incidents (every move, major declaration): the rule of {@link IncidentAccess}. */
    public boolean canWork() {
        return IncidentAccess.works(roles);
    }
}
