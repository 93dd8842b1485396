package org.itsm.change.service;

import java.util.Set;

import org.itsm.change.domain.ChangeAccess;
import org.itsm.events.api.Roles;

/** Who is acting: the user name and their realm roles. */
public record Actor(String name, Set<String> roles) {

    /** Everyone but a plain requester sees every change; a requester sees only their own. */
    public boolean isStaff() {
        return roles.stream().anyMatch(role -> !Roles.REQUESTER.equals(role) && role.startsWith("itsm-"));
    }

    /** The actor as the access rules see them. */
    public ChangeAccess.Who who() {
        return new ChangeAccess.Who(name, roles);
    }

    /** Change managers and admins run the process. */
    public boolean managesChanges() {
        return roles.contains(Roles.CHANGE_MANAGER) || roles.contains(Roles.ADMIN);
    }
}
