package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Roles;

/**
 * Who hears what about a problem (issue 19's defaults): the problem managers (the users with role
 * {@code itsm-problem-manager}) when recurring incidents open a problem candidate; the callers of the linked
 * incidents that are still open (not closed or cancelled) when a workaround is published for them, one mail per
 * caller (about the first of their incidents the event names).
 */
public final class ProblemNotificationRules {

    static final Set<String> FINISHED = Set.of("CLOSED", "CANCELLED");

    /** What the service knows of a linked incident from incident events: its number, id, caller and state. */
    public record LinkedIncident(String number, UUID id, String caller, String state) {
    }

    private ProblemNotificationRules() {
    }

    public static List<PlannedNotification> forProblemEvent(String type) {
        List<PlannedNotification> planned = new ArrayList<>();
        if (EventTypes.PROBLEM_CANDIDATE_DETECTED.equals(type)) {
            planned.add(new PlannedNotification(Audience.role(Roles.PROBLEM_MANAGER).recipient(),
                    NotificationKind.PROBLEM_CANDIDATE_DETECTED));
        }
        return planned;
    }

    /** The linked incidents whose callers hear of the workaround: open, with a caller, the first per caller. */
    public static List<LinkedIncident> workaroundRecipients(List<LinkedIncident> linked) {
        Set<String> callers = new HashSet<>();
        List<LinkedIncident> told = new ArrayList<>();
        for (LinkedIncident incident : linked) {
            if (incident.caller() != null && !incident.caller().isBlank() && !FINISHED.contains(incident.state())
                    && callers.add(incident.caller())) {
                told.add(incident);
            }
        }
        return told;
    }
}
