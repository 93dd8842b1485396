package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.itsm.events.EventTypes;
import org.itsm.notification.domain.ProblemNotificationRules.LinkedIncident;
import org.junit.jupiter.api.Test;

class ProblemNotificationRulesTest {

    @Test
    void theProblemManagersHearOfADetectedCandidateOnly() {
        assertEquals(List.of(new PlannedNotification("role:itsm-problem-manager",
                NotificationKind.PROBLEM_CANDIDATE_DETECTED)),
                ProblemNotificationRules.forProblemEvent(EventTypes.PROBLEM_CANDIDATE_DETECTED));
        assertTrue(ProblemNotificationRules.forProblemEvent(EventTypes.PROBLEM_CREATED).isEmpty());
    }

    @Test
    void theCallersOfOpenLinkedIncidentsHearOfTheWorkaroundOnceEach() {
        LinkedIncident kimFirst = new LinkedIncident("INC0000001", UUID.randomUUID(), "kim", "IN_PROGRESS");
        LinkedIncident kimSecond = new LinkedIncident("INC0000002", UUID.randomUUID(), "kim", "NEW");
        LinkedIncident closed = new LinkedIncident("INC0000003", UUID.randomUUID(), "lee", "CLOSED");
        LinkedIncident cancelled = new LinkedIncident("INC0000004", UUID.randomUUID(), "park", "CANCELLED");
        LinkedIncident noCaller = new LinkedIncident("INC0000005", UUID.randomUUID(), null, "NEW");
        LinkedIncident resolved = new LinkedIncident("INC0000006", UUID.randomUUID(), "choi", "RESOLVED");
        assertEquals(List.of(kimFirst, resolved), ProblemNotificationRules.workaroundRecipients(
                List.of(kimFirst, kimSecond, closed, cancelled, noCaller, resolved)));
    }
}
