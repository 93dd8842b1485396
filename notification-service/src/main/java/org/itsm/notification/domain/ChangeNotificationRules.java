package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Roles;

/**
 * Who hears what about a change (issue 19's defaults): the CAB members (the users with role
 * {@code itsm-cab-member}) when a change enters an approval round that awaits CAB votes (assessed, an emergency
 * change submitted, or a re-planned window starting a new round), but not its requester or implementer, who may not
 * vote on it; the implementer when it is scheduled; the requester when it is approved, rejected or implemented.
 */
public final class ChangeNotificationRules {

    static final String AUTHORIZE = "AUTHORIZE";
    static final String CAB_MEMBER = "CAB_MEMBER";
    static final String APPROVAL_ROUND = "approvalRound";

    private ChangeNotificationRules() {
    }

    public static List<PlannedNotification> forChangeEvent(String type, String state, String requester,
            String implementer, List<String> awaitedVotes, List<String> changedFields) {
        List<PlannedNotification> planned = new ArrayList<>();
        switch (type) {
            case EventTypes.CHANGE_ASSESSED, EventTypes.CHANGE_SUBMITTED, EventTypes.CHANGE_UPDATED -> {
                boolean roundStarts = !EventTypes.CHANGE_UPDATED.equals(type)
                        || changedFields != null && changedFields.contains(APPROVAL_ROUND);
                if (roundStarts && AUTHORIZE.equals(state) && awaitedVotes != null
                        && awaitedVotes.contains(CAB_MEMBER)) {
                    planned.add(new PlannedNotification(Audience.role(Roles.CAB_MEMBER).recipient(),
                            NotificationKind.CHANGE_AWAITING_VOTE, Arrays.asList(requester, implementer)));
                }
            }
            case EventTypes.CHANGE_SCHEDULED -> add(planned, implementer, NotificationKind.CHANGE_SCHEDULED);
            case EventTypes.CHANGE_APPROVED -> add(planned, requester, NotificationKind.CHANGE_APPROVED);
            case EventTypes.CHANGE_REJECTED -> add(planned, requester, NotificationKind.CHANGE_REJECTED);
            case EventTypes.CHANGE_IMPLEMENTED -> add(planned, requester, NotificationKind.CHANGE_IMPLEMENTED);
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
