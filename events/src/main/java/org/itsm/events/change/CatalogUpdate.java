package org.itsm.events.change;

import java.util.List;
import java.util.UUID;

import org.itsm.events.catalog.SlaTarget;

/** What the catalog applies to the affected services when the carrying change is implemented. All parts optional. */
public record CatalogUpdate(
        String version,
        String lifecycle,
        List<String> offeringsAdded,
        List<UUID> offeringsRetired,
        UUID slaOfferingId,
        List<SlaTarget> slaTargets) {
}
