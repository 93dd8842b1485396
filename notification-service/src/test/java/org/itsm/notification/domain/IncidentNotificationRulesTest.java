package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.EventTypes;
import org.junit.jupiter.api.Test;

class IncidentNotificationRulesTest {

    private static List<PlannedNotification> incident(String type, String state, String holdReason, String caller,
            String assignee) {
        return IncidentNotificationRules.forIncidentEvent(type, state, holdReason, caller, assignee, null, null, null);
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
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_AT_RISK, "agent", null));
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_SLA_BREACHED)),
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_BREACHED, "agent", null));
        assertTrue(IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_BREACHED, null, null).isEmpty());
    }

    @Test
    void theAssignmentGroupHearsOfAnIncidentCreatedInOrMovedToItButNotTheAssigneeTwice() {
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.INCIDENT_CREATED),
                new PlannedNotification("agent", NotificationKind.INCIDENT_ASSIGNED),
                new PlannedNotification("group:network", NotificationKind.INCIDENT_GROUP_ASSIGNED, List.of("agent"))),
                IncidentNotificationRules.forIncidentEvent(EventTypes.INCIDENT_CREATED, "NEW", null, "kim", "agent",
                        "network", List.of(), null));
        assertEquals(List.of(new PlannedNotification("group:network", NotificationKind.INCIDENT_GROUP_ASSIGNED)),
                IncidentNotificationRules.forIncidentEvent(EventTypes.INCIDENT_ASSIGNED, "NEW", null, "kim", null,
                        "network", List.of("assignmentGroup"), null));
        // a new assignee inside the same group: the group is not told again
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_ASSIGNED)),
                IncidentNotificationRules.forIncidentEvent(EventTypes.INCIDENT_ASSIGNED, "IN_PROGRESS", null, "kim",
                        "agent", "network", List.of("assignee"), null));
    }

    @Test
    void theMajorIncidentGroupHearsOfADeclaredMajorIncidentWhenOneIsConfigured() {
        assertEquals(List.of(new PlannedNotification("group:major-incident", NotificationKind.INCIDENT_MAJOR_DECLARED)),
                IncidentNotificationRules.forIncidentEvent(EventTypes.INCIDENT_MAJOR_DECLARED, "IN_PROGRESS", null,
                        "kim", "agent", "network", List.of("major"), "major-incident"));
        assertTrue(IncidentNotificationRules.forIncidentEvent(EventTypes.INCIDENT_MAJOR_DECLARED, "IN_PROGRESS", null,
                "kim", "agent", "network", List.of("major"), null).isEmpty());
    }

    @Test
    void anSlaEventTellsTheAssigneeAndTheRestOfTheGroup() {
        assertEquals(List.of(new PlannedNotification("agent", NotificationKind.INCIDENT_SLA_BREACHED),
                new PlannedNotification("group:network", NotificationKind.INCIDENT_GROUP_SLA_BREACHED,
                        List.of("agent"))),
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_BREACHED, "agent", "network"));
        assertEquals(List.of(new PlannedNotification("group:network", NotificationKind.INCIDENT_GROUP_SLA_AT_RISK)),
                IncidentNotificationRules.forSlaEvent(EventTypes.INCIDENT_SLA_AT_RISK, null, "network"));
    }
}
