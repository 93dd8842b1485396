package org.itsm.change.domain;

/** Who must authorise a change, chosen by the approval policy from its type and risk. */
public enum ApprovalRoute {
    /** Standard change from a pre-approved template. */
    PRE_APPROVED,
    /** Normal low-risk change: one change manager. */
    CHANGE_MANAGER,
    /** Normal medium- or high-risk change: a quorum of CAB members; any rejection rejects. */
    CAB,
    /** Emergency change: one change manager and one CAB member (two different people). */
    EMERGENCY_CAB
}
