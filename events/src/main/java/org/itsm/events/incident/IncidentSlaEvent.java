package org.itsm.events.incident;

import java.time.Instant;
import java.util.UUID;

/** An SLA clock of an incident crossed the at-risk or breached line. */
public record IncidentSlaEvent(
        UUID incidentId,
        String number,
        String priority,
        String clock,
        String slaState,
        Instant dueAt,
        UUID serviceId,
        String caller,
        String assignmentGroup,
        Instant occurredAt) {
}
