package org.itsm.events.api;

/**
 * The platform's role model: the realm roles of Keycloak realm {@code itsm} (docs/architecture.md §5), named once
 * for the services, the gateway's stream audience and the tests; deploy's realm check fails when the realm file
 * defines other roles.
 */
public final class Roles {

    public static final String REQUESTER = "itsm-requester";
    public static final String AGENT = "itsm-agent";
    public static final String PROBLEM_MANAGER = "itsm-problem-manager";
    public static final String CHANGE_MANAGER = "itsm-change-manager";
    public static final String CAB_MEMBER = "itsm-cab-member";
    public static final String CATALOG_MANAGER = "itsm-catalog-manager";
    public static final String ADMIN = "itsm-admin";

    /** Every realm role of the platform. */
    public static final java.util.List<String> ALL = java.util.List.of(REQUESTER, AGENT, PROBLEM_MANAGER, CHANGE_MANAGER,
            CAB_MEMBER, CATALOG_MANAGER, ADMIN);

    private Roles() {
    }
}
