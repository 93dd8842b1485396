package org.itsm.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the catalog did with the catalog update of an implemented change on one service: the effects it applied,
 * or the reason it refused the update (then {@code effects} is empty).
 */
public record CatalogChangeUpdateEvent(
        UUID serviceId,
        String serviceNumber,
        UUID changeId,
        String changeNumber,
        List<String> effects,
        String reason,
        Instant occurredAt) {
}
