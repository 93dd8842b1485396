package org.itsm.notification.domain;

import java.util.Arrays;
import java.util.List;

/** What a mail tells its recipient; with the event and the recipient it is the key of one delivery. */
public enum NotificationKind {
    /** To the caller: their incident was recorded. */
    INCIDENT_CREATED,
    /** To the caller: the incident is on hold awaiting their reply. */
    INCIDENT_AWAITING_CALLER,
    /** To the caller: the incident is resolved (with a link to reopen it). */
    INCIDENT_RESOLVED,
    /** To the caller: the incident is closed. */
    INCIDENT_CLOSED,
    /** To the assignee: the incident was assigned to them. */
    INCIDENT_ASSIGNED,
    /** To the assignee: an SLA clock of the incident is at risk. */
    INCIDENT_SLA_AT_RISK,
    /** To the assignee: an SLA clock of the incident is breached. */
    INCIDENT_SLA_BREACHED,
    /** To someone {@code @mentioned} in a comment or work note of an incident they may see. */
    INCIDENT_MENTIONED,
    /** To the assignment group's members: the incident was assigned to their group. */
    INCIDENT_GROUP_ASSIGNED,
    /** To the assignment group's members: an SLA clock of the group's incident is at risk. */
    INCIDENT_GROUP_SLA_AT_RISK,
    /** To the assignment group's members: an SLA clock of the group's incident is breached. */
    INCIDENT_GROUP_SLA_BREACHED,
    /** To the major-incident audience: a major incident was declared. */
    INCIDENT_MAJOR_DECLARED,
    /** To the caller of an incident linked to a problem: a workaround (known error) was published for it. */
    INCIDENT_WORKAROUND_PUBLISHED,
    /** To the approver: a service request awaits their approval. */
    REQUEST_AWAITING_APPROVAL,
    /** To the requester: their service request was approved. */
    REQUEST_APPROVED,
    /** To the requester: their service request was rejected. */
    REQUEST_REJECTED,
    /** To the requester: their service request was fulfilled. */
    REQUEST_FULFILLED,
    /** To the CAB members: a change awaits their vote. */
    CHANGE_AWAITING_VOTE,
    /** To the implementer: the change they implement is scheduled. */
    CHANGE_SCHEDULED,
    /** To the requester: their change was approved. */
    CHANGE_APPROVED,
    /** To the requester: their change was rejected. */
    CHANGE_REJECTED,
    /** To the requester: their change was implemented. */
    CHANGE_IMPLEMENTED,
    /** To the problem managers: recurring incidents opened a problem candidate. */
    PROBLEM_CANDIDATE_DETECTED,
    /** To a person who chose a daily digest: one mail listing the day's notifications of those kinds. */
    DAILY_DIGEST;

    /**
     * The templates' family: incident, request, change, problem, digest, or {@code mention} (a mention, on any
     * record, linking to the incident).
     */
    public String family() {
        if (this == DAILY_DIGEST) {
            return "digest";
        }
        if (this == INCIDENT_MENTIONED) {
            return "mention";
        }
        return name().substring(0, name().indexOf('_')).toLowerCase(java.util.Locale.ROOT);
    }

    /** The kinds a person switches on or off and receives immediately or in the digest (all but the digest itself). */
    public static List<NotificationKind> selectable() {
        return Arrays.stream(values()).filter(kind -> kind != DAILY_DIGEST).toList();
    }
}
