package org.itsm.events;

/** CloudEvents {@code source} attribute of each producing service. */
public final class EventSource {

    public static final String INCIDENT_SERVICE = "/incident-service";
    public static final String PROBLEM_SERVICE = "/problem-service";
    public static final String CHANGE_SERVICE = "/change-service";
    public static final String CATALOG_SERVICE = "/catalog-service";
    public static final String NOTIFICATION_SERVICE = "/notification-service";

    private EventSource() {
    }
}
