package org.itsm.incident.domain;

public enum HoldReason {
    /** Waiting for the caller: the SLA clock pauses, a comment to the caller is required, their reply resumes. */
    AWAITING_CALLER,
    AWAITING_CHANGE,
    AWAITING_PROBLEM,
    AWAITING_VENDOR
}
