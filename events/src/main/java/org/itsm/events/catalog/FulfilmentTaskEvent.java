package org.itsm.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A fulfilment task of a service request at a lifecycle moment (created, started, completed). {@code number} is the
 * request's number and {@code requester} the user who ordered it, so consumers that show requests to their
 * requesters (the gateway's live stream) show its tasks to the same person.
 */
public record FulfilmentTaskEvent(
        UUID id,
        UUID requestId,
        String number,
        String itemName,
        String requester,
        String title,
        String assignmentGroup,
        String assignee,
        String state,
        Instant occurredAt) {
}
