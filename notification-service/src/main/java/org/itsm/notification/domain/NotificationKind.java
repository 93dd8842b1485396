package org.itsm.notification.domain;

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
    /** To the approver: a service request awaits their approval. */
    REQUEST_AWAITING_APPROVAL,
    /** To the requester: their service request was approved. */
    REQUEST_APPROVED,
    /** To the requester: their service request was rejected. */
    REQUEST_REJECTED,
    /** To the requester: their service request was fulfilled. */
    REQUEST_FULFILLED;

    /**
     * The templates' family: {@code request}, {@code mention} (a mention, on any record) or {@code incident}. Every
     * family but {@code request} links to the incident.
     */
    public String family() {
        if (this == INCIDENT_MENTIONED) {
            return "mention";
        }
        return name().startsWith("REQUEST_") ? "request" : "incident";
    }
}
