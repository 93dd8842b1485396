package org.itsm.catalog.domain;

/** Who approves a request for an item: nobody, the requester's manager (Keycloak profile) or a catalog manager. */
public enum ApprovalRule {
    NONE, MANAGER, CATALOG_MANAGER
}
