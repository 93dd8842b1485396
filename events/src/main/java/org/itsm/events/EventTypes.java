package org.itsm.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
    /** Payload IncidentMentionEvent: people named with {@code @username} in a comment or work note (never its text). */
    public static final String INCIDENT_MENTIONED = "itsm.incident.mentioned.v1";
    /** Payload InboundMailOutcome: what became of an inbound mail (comment, new incident, refused). */
    public static final String INCIDENT_MAIL_HANDLED = "itsm.incident.mail-handled.v1";

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
    /** Payload CatalogServiceEvent: a lifecycle move other than retirement (e.g. Pipeline to Live). */
    public static final String CATALOG_SERVICE_LIFECYCLE_CHANGED = "itsm.catalog.service-lifecycle-changed.v1";
    /**
     * Every type carrying a CatalogServiceEvent, and every type carrying a CatalogOfferingEvent: a consumer keeping
     * a read model of services or offerings follows all of them (a type added here reaches every read model).
     */
    public static final Set<String> CATALOG_SERVICE_STATE = Set.of(CATALOG_SERVICE_CREATED, CATALOG_SERVICE_UPDATED,
            CATALOG_SERVICE_LIFECYCLE_CHANGED, CATALOG_SERVICE_RETIRED);
    public static final Set<String> CATALOG_OFFERING_STATE = Set.of(CATALOG_OFFERING_CREATED, CATALOG_OFFERING_UPDATED);
    /** Payload CatalogItemEvent. */
    public static final String CATALOG_ITEM_PUBLISHED = "itsm.catalog.item-published.v1";
    /** Payload CatalogItemEvent. */
    public static final String CATALOG_ITEM_UNPUBLISHED = "itsm.catalog.item-unpublished.v1";
    /** Payload CatalogChangeUpdateEvent: an implemented change's catalog update was applied to a service. */
    public static final String CATALOG_CHANGE_APPLIED = "itsm.catalog.change-applied.v1";
    /** Payload CatalogChangeUpdateEvent: an implemented change's catalog update no longer fitted the service. */
    public static final String CATALOG_CHANGE_UPDATE_REJECTED = "itsm.catalog.change-update-rejected.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_SUBMITTED = "itsm.catalog.request-submitted.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_APPROVED = "itsm.catalog.request-approved.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_REJECTED = "itsm.catalog.request-rejected.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_FULFILLED = "itsm.catalog.request-fulfilled.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_CLOSED = "itsm.catalog.request-closed.v1";
    /** Payload ServiceRequestEvent. */
    public static final String CATALOG_REQUEST_CANCELLED = "itsm.catalog.request-cancelled.v1";
    /**
     * Payload FulfilmentTaskEvent: a fulfilment task was added to a request (on approval, or by an agent). Task types
     * start with {@code itsm.catalog.request-} so they reach whoever follows the request (its requester, agents).
     */
    public static final String CATALOG_REQUEST_TASK_CREATED = "itsm.catalog.request-task-created.v1";
    /** Payload FulfilmentTaskEvent: a task was taken (In Progress, assigned to who started it). */
    public static final String CATALOG_REQUEST_TASK_STARTED = "itsm.catalog.request-task-started.v1";
    /** Payload FulfilmentTaskEvent: a task was completed (Done). */
    public static final String CATALOG_REQUEST_TASK_COMPLETED = "itsm.catalog.request-task-completed.v1";

    // change-service, payload ChangeEvent unless noted
    public static final String CHANGE_APPROVED = "itsm.change.approved.v1";
    public static final String CHANGE_IMPLEMENTED = "itsm.change.implemented.v1";
    public static final String CHANGE_FAILED = "itsm.change.failed.v1";
    public static final String CHANGE_CANCELLED = "itsm.change.cancelled.v1";
    public static final String CHANGE_CREATED = "itsm.change.created.v1";
    /** Fields of a change changed: edits, assignments, a re-planned window, the catalog's answer; {@code changedFields} names them. */
    public static final String CHANGE_UPDATED = "itsm.change.updated.v1";
    public static final String CHANGE_SUBMITTED = "itsm.change.submitted.v1";
    /** The risk was assessed: riskLevel is set and the change awaits authorisation. */
    public static final String CHANGE_ASSESSED = "itsm.change.assessed.v1";
    /** Payload ChangeApprovalEvent. */
    public static final String CHANGE_APPROVAL_VOTE_CAST = "itsm.change.approval-vote-cast.v1";
    /** Authorisation refused: the change is back in New. */
    public static final String CHANGE_REJECTED = "itsm.change.rejected.v1";
    public static final String CHANGE_SCHEDULED = "itsm.change.scheduled.v1";
    public static final String CHANGE_IMPLEMENTATION_STARTED = "itsm.change.implementation-started.v1";
    public static final String CHANGE_CLOSED = "itsm.change.closed.v1";

    // problem-service
    /** Payload KnownErrorEvent. */
    public static final String PROBLEM_KNOWN_ERROR_PUBLISHED = "itsm.problem.known-error-published.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_INCIDENT_LINKED = "itsm.problem.incident-linked.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_RESOLVED = "itsm.problem.resolved.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_CREATED = "itsm.problem.created.v1";
    /** Payload ProblemEvent: a problem opened by recurring-incident detection, linking the incidents. */
    public static final String PROBLEM_CANDIDATE_DETECTED = "itsm.problem.candidate-detected.v1";
    /** Payload ProblemEvent: fields, assignment or the fix change (and its failure) changed. */
    public static final String PROBLEM_UPDATED = "itsm.problem.updated.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_STATE_CHANGED = "itsm.problem.state-changed.v1";
    /** Payload ProblemEvent; affectedIncidentNumbers names the incidents no longer linked. */
    public static final String PROBLEM_INCIDENT_UNLINKED = "itsm.problem.incident-unlinked.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_ROOT_CAUSE_IDENTIFIED = "itsm.problem.root-cause-identified.v1";
    /** Payload ProblemEvent. */
    public static final String PROBLEM_CLOSED = "itsm.problem.closed.v1";

    // notification-service (topic itsm.notification.events)
    /** Payload InboundMailEvent: a mail from a known user reached the service desk. */
    public static final String NOTIFICATION_MAIL_RECEIVED = "itsm.notification.mail-received.v1";

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
