package org.itsm.incident.domain;

import java.util.Map;

import org.itsm.events.api.Priority;

/**
 * The incident practice's measures (continual improvement), for dashboards and metrics.
 *
 * @param slaCompliancePercent share of resolved incidents that met their resolution SLA
 * @param breachedOpen         open incidents with a breached response or resolution SLA
 */
public record IncidentFigures(long open, Map<Priority, Long> openByPriority, long createdLast24h, long resolvedLast24h,
        double meanTimeToResolveMinutes, double slaCompliancePercent, long breachedOpen) {
}
