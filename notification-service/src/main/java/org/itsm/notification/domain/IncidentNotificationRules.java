package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.List;

import org.itsm.events.EventTypes;

/**
 * Who hears what about an incident (the defaults of issue 19): the caller when their incident is created, awaits
 * their reply, is resolved and closed; the assignee when it is assigned to them and when an SLA clock is at risk or
 * breached; the assignment group's members (the {@link Audience} {@code group:<name>}, without the assignee, who has
 * their own mail) when the incident is created in or moved to their group and when its SLA is at risk or breached;
 * the major-incident group when a major incident is declared. Plain rules over the event's facts.
 */
public final class IncidentNotificationRules {

    /** The hold reason that asks the caller for a reply (incident-service's {@code HoldReason.AWAITING_CALLER}). */
    public static final String AWAITING_CALLER = "AWAITING_CALLER";
    static final String ON_HOLD = "ON_HOLD";

    private IncidentNotificationRules() {
    }

    /** The field incident-service names on an assignment that moved the incident to another group. */
    static final String ASSIGNMENT_GROUP = "assignmentGroup";

    /**
     * The mails an incident lifecycle event calls for.
     *
     * @param holdReason the incident's hold reason when the event carries one (null otherwise)
     * @param changedFields the fields the event names as changed (null: none named)
     * @param majorIncidentGroup the group told of declared major incidents (null or blank: nobody)
     */
    public static List<PlannedNotification> forIncidentEvent(String type, String state, String holdReason,
            String caller, String assignee, String assignmentGroup, List<String> changedFields,
            String majorIncidentGroup) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.INCIDENT_CREATED -> {
                add(planned, caller, NotificationKind.INCIDENT_CREATED);
                add(planned, assignee, NotificationKind.INCIDENT_ASSIGNED);
                addGroup(planned, assignmentGroup, NotificationKind.INCIDENT_GROUP_ASSIGNED, assignee);
            }
            case EventTypes.INCIDENT_ASSIGNED -> {
                add(planned, assignee, NotificationKind.INCIDENT_ASSIGNED);
                if (changedFields != null && changedFields.contains(ASSIGNMENT_GROUP)) {
                    addGroup(planned, assignmentGroup, NotificationKind.INCIDENT_GROUP_ASSIGNED, assignee);
                }
            }
            case EventTypes.INCIDENT_MAJOR_DECLARED ->
                addGroup(planned, majorIncidentGroup, NotificationKind.INCIDENT_MAJOR_DECLARED, null);
            case EventTypes.INCIDENT_STATE_CHANGED -> {
                if (ON_HOLD.equals(state) && AWAITING_CALLER.equals(holdReason)) {
                    add(planned, caller, NotificationKind.INCIDENT_AWAITING_CALLER);
                }
            }
            case EventTypes.INCIDENT_RESOLVED -> add(planned, caller, NotificationKind.INCIDENT_RESOLVED);
            case EventTypes.INCIDENT_CLOSED -> add(planned, caller, NotificationKind.INCIDENT_CLOSED);
            default -> {
            }
        }
        return planned;
    }

    /**
     * The mails an SLA event calls for: the current assignee (none when the incident is unassigned) and the members
     * of the incident's assignment group but the assignee.
     */
    public static List<PlannedNotification> forSlaEvent(String type, String assignee, String assignmentGroup) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.INCIDENT_SLA_AT_RISK -> {
                add(planned, assignee, NotificationKind.INCIDENT_SLA_AT_RISK);
                addGroup(planned, assignmentGroup, NotificationKind.INCIDENT_GROUP_SLA_AT_RISK, assignee);
            }
            case EventTypes.INCIDENT_SLA_BREACHED -> {
                add(planned, assignee, NotificationKind.INCIDENT_SLA_BREACHED);
                addGroup(planned, assignmentGroup, NotificationKind.INCIDENT_GROUP_SLA_BREACHED, assignee);
            }
            default -> {
            }
        }
        return planned;
    }

    private static void addGroup(List<PlannedNotification> planned, String group, NotificationKind kind,
            String excluded) {
        if (group != null && !group.isBlank()) {
            planned.add(new PlannedNotification(Audience.group(group).recipient(), kind,
                    excluded == null ? List.of() : List.of(excluded)));
        }
    }

    private static void add(List<PlannedNotification> planned, String recipient, NotificationKind kind) {
        if (recipient != null && !recipient.isBlank()) {
            planned.add(new PlannedNotification(recipient, kind));
        }
    }
}
