package org.itsm.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog service as it stands after the change the event reports. */
public record CatalogServiceEvent(
        UUID id,
        String number,
        String name,
        String type,
        String lifecycle,
        String supportGroup,
        String criticality,
        String version,
        List<UUID> dependsOn,
        String appliedChangeNumber,
        Instant occurredAt) {
}
