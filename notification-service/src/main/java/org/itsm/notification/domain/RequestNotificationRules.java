package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.List;

import org.itsm.events.EventTypes;

/**
 * Who hears what about a service request (issue 19's defaults): the approver the item's rule named when the request
 * awaits their approval; the requester when it is approved, rejected and fulfilled.
 */
public final class RequestNotificationRules {

    static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

    private RequestNotificationRules() {
    }

    public static List<PlannedNotification> forRequestEvent(String type, String state, String requester,
            String approver) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.CATALOG_REQUEST_SUBMITTED -> {
                if (AWAITING_APPROVAL.equals(state)) {
                    add(planned, approver, NotificationKind.REQUEST_AWAITING_APPROVAL);
                }
            }
            case EventTypes.CATALOG_REQUEST_APPROVED -> add(planned, requester, NotificationKind.REQUEST_APPROVED);
            case EventTypes.CATALOG_REQUEST_REJECTED -> add(planned, requester, NotificationKind.REQUEST_REJECTED);
            case EventTypes.CATALOG_REQUEST_FULFILLED -> add(planned, requester, NotificationKind.REQUEST_FULFILLED);
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
