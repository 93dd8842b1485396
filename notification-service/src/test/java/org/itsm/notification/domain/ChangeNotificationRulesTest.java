package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.EventTypes;
import org.junit.jupiter.api.Test;

class ChangeNotificationRulesTest {

    private static final PlannedNotification CAB = new PlannedNotification("role:itsm-cab-member",
            NotificationKind.CHANGE_AWAITING_VOTE, List.of("req", "impl"));

    @Test
    void theCabHearsWhenAnApprovalRoundAwaitsItsVotesButNotTheRequesterOrImplementer() {
        assertEquals(List.of(CAB), ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_ASSESSED, "AUTHORIZE",
                "req", "impl", List.of("CAB_MEMBER"), null));
        assertEquals(List.of(CAB), ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_SUBMITTED, "AUTHORIZE",
                "req", "impl", List.of("CHANGE_MANAGER", "CAB_MEMBER"), null));
        assertEquals(List.of(CAB), ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_UPDATED, "AUTHORIZE",
                "req", "impl", List.of("CAB_MEMBER"), List.of("plannedStart", "approvalRound")));
    }

    @Test
    void noCabMailWithoutAwaitedCabVotesOrANewRound() {
        // a low-risk change awaits a change manager only
        assertTrue(ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_ASSESSED, "AUTHORIZE", "req", "impl",
                List.of("CHANGE_MANAGER"), null).isEmpty());
        // an older producer names no awaited votes
        assertTrue(ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_ASSESSED, "AUTHORIZE", "req", "impl",
                null, null).isEmpty());
        // an edit that starts no new round
        assertTrue(ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_UPDATED, "AUTHORIZE", "req", "impl",
                List.of("CAB_MEMBER"), List.of("description")).isEmpty());
        // a normal change submitted goes to Assess, not to the CAB
        assertTrue(ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_SUBMITTED, "ASSESS", "req", null,
                List.of(), null).isEmpty());
    }

    @Test
    void theImplementerHearsOfTheScheduleAndTheRequesterOfTheOutcome() {
        assertEquals(List.of(new PlannedNotification("impl", NotificationKind.CHANGE_SCHEDULED)),
                ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_SCHEDULED, "SCHEDULED", "req", "impl",
                        List.of(), null));
        assertTrue(ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_SCHEDULED, "SCHEDULED", "req", null,
                List.of(), null).isEmpty());
        assertEquals(List.of(new PlannedNotification("req", NotificationKind.CHANGE_APPROVED)),
                ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_APPROVED, "AUTHORIZE", "req", "impl",
                        List.of(), null));
        assertEquals(List.of(new PlannedNotification("req", NotificationKind.CHANGE_REJECTED)),
                ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_REJECTED, "NEW", "req", "impl", List.of(),
                        null));
        assertEquals(List.of(new PlannedNotification("req", NotificationKind.CHANGE_IMPLEMENTED)),
                ChangeNotificationRules.forChangeEvent(EventTypes.CHANGE_IMPLEMENTED, "REVIEW", "req", "impl",
                        List.of(), null));
    }
}
