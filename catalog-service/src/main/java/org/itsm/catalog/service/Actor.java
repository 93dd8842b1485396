package org.itsm.catalog.service;

import java.util.Set;

import org.itsm.catalog.domain.CatalogAccess;
import org.itsm.catalog.domain.RequestAccess;

/**
 * Who is acting: user name, realm roles, and the manager their Keycloak profile names (may be null). What they may
 * do is read in the access rules, {@link CatalogAccess} and {@link RequestAccess}; the helpers here only ask them.
 */
public record Actor(String name, Set<String> roles, String manager) {

    /** The actor as the access rules see them. */
    public RequestAccess.Who who() {
        return new RequestAccess.Who(name, roles);
    }

    public boolean isAdmin() {
        return who().admin();
    }

    public boolean managesCatalog() {
        return CatalogAccess.managesCatalog(who());
    }

    /** Fulfilment staff see and work every request; a plain requester only their own. */
    public boolean fulfils() {
        return RequestAccess.mayWorkTasks(who());
    }

    public boolean seesAllRequests() {
        return RequestAccess.seesAll(who());
    }
}
