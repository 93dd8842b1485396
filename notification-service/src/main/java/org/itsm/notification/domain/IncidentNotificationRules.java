package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.List;

import org.itsm.events.EventTypes;

/**
 * Who hears what about an incident (the defaults of issue 19): the caller when their incident is created, awaits
 * their reply, is resolved and closed; the assignee when it is assigned to them and when an SLA clock is at risk or
 * breached. Plain rules over the event's facts; nobody is told about their own action twice in one event.
 */
public final class IncidentNotificationRules {

    /** The hold reason that asks the caller for a reply (incident-service's {@code HoldReason.AWAITING_CALLER}). */
    public static final String AWAITING_CALLER = "AWAITING_CALLER";
    static final String ON_HOLD = "ON_HOLD";

    private IncidentNotificationRules() {
    }

    /**
     * The mails an incident lifecycle event calls for.
     *
     * @param holdReason the incident's hold reason when the event carries one (null otherwise)
     */
    public static List<PlannedNotification> forIncidentEvent(String type, String state, String holdReason,
            String caller, String assignee) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.INCIDENT_CREATED -> {
                add(planned, caller, NotificationKind.INCIDENT_CREATED);
                add(planned, assignee, NotificationKind.INCIDENT_ASSIGNED);
            }
            case EventTypes.INCIDENT_ASSIGNED -> add(planned, assignee, NotificationKind.INCIDENT_ASSIGNED);
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

    /** The mails an SLA event calls for: the current assignee (none when the incident is unassigned). */
    public static List<PlannedNotification> forSlaEvent(String type, String assignee) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.INCIDENT_SLA_AT_RISK -> add(planned, assignee, NotificationKind.INCIDENT_SLA_AT_RISK);
            case EventTypes.INCIDENT_SLA_BREACHED -> add(planned, assignee, NotificationKind.INCIDENT_SLA_BREACHED);
            default -> {
            }
        }
        return planned;
    }

    private static void add(List<PlannedNotification> planned, String recipient, NotificationKind kind) {
        if (recipient != null && !recipient.isBlank()) {
            planned.add(new PlannedNotification(recipient, kind));
        }
    }
}
