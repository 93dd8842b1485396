package org.itsm.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offering of a service as it stands after the change the event reports. {@code defaultOffering} marks the
 * offering whose SLA terms apply to a record that names the service but no offering (at most one per service).
 */
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
        Instant occurredAt,
        Boolean defaultOffering) {

    public CatalogOfferingEvent(UUID id, UUID serviceId, String name, String status, String supportGroup,
            List<SlaTarget> slaTargets, BusinessHours businessHours, List<TimeWindow> maintenanceWindows,
            List<TimeWindow> blackoutWindows, Instant occurredAt) {
        this(id, serviceId, name, status, supportGroup, slaTargets, businessHours, maintenanceWindows, blackoutWindows,
                occurredAt, null);
    }
}
