package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.EventTypes;
import org.junit.jupiter.api.Test;

class RequestNotificationRulesTest {

    @Test
    void aRequestAwaitingApprovalTellsItsApproverOnly() {
        assertEquals(List.of(new PlannedNotification("boss", NotificationKind.REQUEST_AWAITING_APPROVAL)),
                RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_SUBMITTED, "AWAITING_APPROVAL",
                        "kim", "boss"));
    }

    @Test
    void aRequestApprovedOnSubmissionTellsNobodyYet() {
        assertTrue(RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_SUBMITTED, "APPROVED", "kim",
                null).isEmpty());
    }

    @Test
    void decisionsAndFulfilmentTellTheRequester() {
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.REQUEST_APPROVED)),
                RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_APPROVED, "APPROVED", "kim", "boss"));
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.REQUEST_REJECTED)),
                RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_REJECTED, "REJECTED", "kim", "boss"));
        assertEquals(List.of(new PlannedNotification("kim", NotificationKind.REQUEST_FULFILLED)),
                RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_FULFILLED, "FULFILLED", "kim", null));
        assertTrue(RequestNotificationRules.forRequestEvent(EventTypes.CATALOG_REQUEST_CLOSED, "CLOSED", "kim", null)
                .isEmpty());
    }

    @Test
    void requestKindsUseTheRequestTemplates() {
        assertEquals("request", NotificationKind.REQUEST_APPROVED.family());
        assertEquals("incident", NotificationKind.INCIDENT_CLOSED.family());
    }
}
