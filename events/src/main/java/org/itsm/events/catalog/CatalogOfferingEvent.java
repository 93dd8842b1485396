package org.itsm.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offering of a service as it stands after the change the event reports. */
public record CatalogOfferingEvent(
        UUID id,
        UUID serviceId,
        String name,
        String status,
        String supportGroup,
        List<SlaTarget> slaTargets,
        BusinessHours businessHours,
        List<TimeWindow> maintenanceWindows,
        List<TimeWindow> blackoutWindows,
        Instant occurredAt) {
}
