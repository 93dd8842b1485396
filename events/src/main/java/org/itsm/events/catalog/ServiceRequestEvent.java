package org.itsm.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A service request (REQ) at a lifecycle moment. {@code requester} is the ordering user's name: consumers that
 * show requests to requesters (the gateway's live stream) show each only their own.
 */
public record ServiceRequestEvent(
        UUID id,
        String number,
        UUID itemId,
        String itemName,
        String requester,
        String state,
        String approver,
        String fulfilmentGroup,
        Instant dueAt,
        Instant occurredAt) {
}
