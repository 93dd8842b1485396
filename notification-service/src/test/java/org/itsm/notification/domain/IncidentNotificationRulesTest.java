package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.EventTypes;
import org.junit.jupiter.api.Test;

class IncidentNotificationRulesTest {

    private static List<PlannedNotification> incident(String type, String state, String holdReason, String caller,
            String assignee) {
        return IncidentNotificationRules.forIncidentEvent(type, state, holdReason, caller, assignee);
    }

    @Test
    void aNewIncidentTellsItsCallerAndAnAssigneeNamedAtCreation() {
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_CREATED)),
                incident(EventTypes.INCIDENT_CREATED, "NEW", null, "kim", null));
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_CREATED),
                new PlannedNotification("agent", NotificationKind.INCIDENT_ASSIGNED)),
                incident(EventTypes.INCIDENT_CREATED, "NEW", null, "kim", "agent"));
    }

    @Test
    void anAssignmentTellsTheAssigneeOnly() {
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_ASSIGNED)),
                incident(EventTypes.INCIDENT_ASSIGNED, "IN_PROGRESS", null, "kim", "agent"));
        assertTrue(incident(EventTypes.INCIDENT_ASSIGNED, "IN_PROGRESS", null, "kim", null).isEmpty());
    }

    @Test
    void onlyAHoldAwaitingTheCallerAsksTheCallerForAReply() {
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_AWAITING_CALLER)),
                incident(EventTypes.INCIDENT_STATE_CHANGED, "ON_HOLD", "AWAITING_CALLER", "kim", "agent"));
        assertTrue(incident(EventTypes.INCIDENT_STATE_CHANGED, "ON_HOLD", "AWAITING_VENDOR", "kim", "agent").isEmpty());
        assertTrue(incident(EventTypes.INCIDENT_STATE_CHANGED, "ON_HOLD", null, "kim", "agent").isEmpty());
        assertTrue(incident(EventTypes.INCIDENT_STATE_CHANGED, "IN_PROGRESS", null, "kim", "agent").isEmpty());
    }

    @Test
    void resolutionAndClosureTellTheCaller() {
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_RESOLVED)),
                incident(EventTypes.INCIDENT_RESOLVED, "RESOLVED", null, "kim", "agent"));
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_CLOSED)),
                incident(EventTypes.INCIDENT_CLOSED, "CLOSED", null, "kim", "agent"));
    }

    @Test
    void otherIncidentEventsAndBlankRecipientsTellNobody() {
        assertTrue(incident(EventTypes.INCIDENT_UPDATED, "IN_PROGRESS", null, "kim", "agent").isEmpty());
        assertTrue(incident(EventTypes.INCIDENT_CREATED, "NEW", null, " ", null).isEmpty());
    }

    @Test
    void slaEventsTellTheCurrentAssignee() {
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_SLA_AT_RISK)),
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_AT_RISK, "agent"));
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_SLA_BREACHED)),
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_BREACHED, "agent"));
        assertTrue(IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_BREACHED, null).isEmpty());
    }
}
