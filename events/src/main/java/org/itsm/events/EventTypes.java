package org.itsm.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * CloudEvents {@code type} values. A payload change that is not additive gets a new {@code .vN}
 * type; an existing type is never edited. Each type has a JSON Schema at
 * {@code schemas/<type>.json} on the classpath.
 */
public final class EventTypes {

    // incident-service, payload IncidentEvent unless noted
    public static final String INCIDENT_CREATED = "itsm.incident.created.v1";
    public static final String INCIDENT_UPDATED = "itsm.incident.updated.v1";
    public static final String INCIDENT_ASSIGNED = "itsm.incident.assigned.v1";
    public static final String INCIDENT_STATE_CHANGED = "itsm.incident.state-changed.v1";
    public static final String INCIDENT_RESOLVED = "itsm.incident.resolved.v1";
    public static final String INCIDENT_CLOSED = "itsm.incident.closed.v1";
    public static final String INCIDENT_REOPENED = "itsm.incident.reopened.v1";
    public static final String INCIDENT_MAJOR_DECLARED = "itsm.incident.major-declared.v1";
    /** Payload IncidentSlaEvent. */
    public static final String INCIDENT_SLA_AT_RISK = "itsm.incident.sla-at-risk.v1";
    /** Payload IncidentSlaEvent. */
    public static final String INCIDENT_SLA_BREACHED = "itsm.incident.sla-breached.v1";

    // catalog-service
    /** Payload CatalogServiceEvent. */
    public static final String CATALOG_SERVICE_CREATED = "itsm.catalog.service-created.v1";
    /** Payload CatalogServiceEvent. */
    public static final String CATALOG_SERVICE_UPDATED = "itsm.catalog.service-updated.v1";
    /** Payload CatalogServiceEvent. */
    public static final String CATALOG_SERVICE_RETIRED = "itsm.catalog.service-retired.v1";
    /** Payload CatalogOfferingEvent. */
    public static final String CATALOG_OFFERING_CREATED = "itsm.catalog.offering-created.v1";
    /** Payload CatalogOfferingEvent. */
    public static final String CATALOG_OFFERING_UPDATED = "itsm.catalog.offering-updated.v1";

    // change-service, payload ChangeEvent
    public static final String CHANGE_APPROVED = "itsm.change.approved.v1";
    public static final String CHANGE_IMPLEMENTED = "itsm.change.implemented.v1";
    public static final String CHANGE_FAILED = "itsm.change.failed.v1";
    public static final String CHANGE_CANCELLED = "itsm.change.cancelled.v1";

    // problem-service
    /** Payload KnownErrorEvent. */
    public static final String PROBLEM_KNOWN_ERROR_PUBLISHED = "itsm.problem.known-error-published.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_INCIDENT_LINKED = "itsm.problem.incident-linked.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_RESOLVED = "itsm.problem.resolved.v1";

    /** Every type above, read from the constants so a new type cannot be left out. */
    public static final List<String> ALL = Arrays.stream(EventTypes.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(EventTypes::constantValue)
            .toList();

    private EventTypes() {
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String schemaResource(String type) {
        return "schemas/" + type + ".json";
    }
}
