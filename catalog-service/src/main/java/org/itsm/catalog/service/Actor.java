package org.itsm.catalog.service;

import java.util.Set;

import org.itsm.catalog.domain.RequestAccess;
import org.itsm.events.api.Roles;

/** Who is acting: user name, realm roles, and the manager their Keycloak profile names (may be null). */
public record Actor(String name, Set<String> roles, String manager) {

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean managesCatalog() {
        return roles.contains(Roles.CATALOG_MANAGER) || isAdmin();
    }

    /** Fulfilment staff see and work every request; a plain requester only their own. */
    public boolean fulfils() {
        return roles.contains(Roles.AGENT) || isAdmin();
    }

    /** The actor as the request access rule sees them. */
    public RequestAccess.Who who() {
        return new RequestAccess.Who(name, roles);
    }

    public boolean seesAllRequests() {
        return fulfils() || managesCatalog();
    }
}
