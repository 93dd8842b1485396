package org.itsm.events.change;

import java.time.Instant;
import java.util.UUID;

/**
 * One approval vote on a change: who voted, in which capacity (CHANGE_MANAGER or CAB_MEMBER), the decision, and
 * where the approval stands after it (PENDING, APPROVED or REJECTED).
 */
public record ChangeApprovalEvent(
        UUID changeId,
        String changeNumber,
        String voter,
        String capacity,
        String decision,
        String comment,
        String approvalStatus,
        String requester,
        Instant occurredAt) {
}
