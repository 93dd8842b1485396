package org.itsm.events.catalog;

import java.time.Instant;
import java.util.UUID;

/** A requestable catalog item as it stands after being published or unpublished. */
public record CatalogItemEvent(
        UUID id,
        String name,
        String category,
        UUID offeringId,
        String fulfilmentGroup,
        String approvalRule,
        boolean published,
        Instant occurredAt) {
}
