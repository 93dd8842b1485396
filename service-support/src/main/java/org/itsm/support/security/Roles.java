package org.itsm.support.security;

/** Realm roles of Keycloak realm {@code itsm} (docs/architecture.md §5). */
public final class Roles {

    public static final String REQUESTER = "itsm-requester";
    public static final String AGENT = "itsm-agent";
    public static final String PROBLEM_MANAGER = "itsm-problem-manager";
    public static final String CHANGE_MANAGER = "itsm-change-manager";
    public static final String CAB_MEMBER = "itsm-cab-member";
    public static final String CATALOG_MANAGER = "itsm-catalog-manager";
    public static final String ADMIN = "itsm-admin";

    private Roles() {
    }
}
