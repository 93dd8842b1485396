package org.itsm.events.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A change request at a lifecycle moment; approved and implemented carry the window and the catalog update. */
public record ChangeEvent(
        UUID id,
        String number,
        String type,
        String state,
        String title,
        List<UUID> affectedServiceIds,
        List<UUID> affectedOfferingIds,
        Instant plannedStart,
        Instant plannedEnd,
        String riskLevel,
        String outcome,
        String problemNumber,
        CatalogUpdate catalogUpdate,
        Instant occurredAt) {
}
