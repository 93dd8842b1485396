package org.itsm.change.service;

import java.util.Set;

import org.itsm.change.domain.ChangeAccess;

/** Who is acting: the user name and their realm roles. What they may do is read in {@link ChangeAccess}. */
public record Actor(String name, Set<String> roles) {

    /** Everyone but a plain requester sees every change; a requester sees only their own. */
    public boolean isStaff() {
        return who().seesAllChanges();
    }

    /** The actor as the access rules see them. */
    public ChangeAccess.Who who() {
        return new ChangeAccess.Who(name, roles);
    }

    /** Change managers and admins run the process. */
    public boolean managesChanges() {
        return who().managesChanges();
    }
}
