package org.itsm.events.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * What incident-service made of an inbound mail ({@code org.itsm.events.notification.InboundMailEvent} with the same
 * {@code mailId}): {@code COMMENTED} (a public comment on {@code number}), {@code OPENED} (a new incident
 * {@code number}) or {@code REFUSED} ({@code reason} says why; {@code number} the record it named, if any).
 */
public record InboundMailOutcome(
        UUID mailId,
        String outcome,
        UUID incidentId,
        String number,
        String reason,
        Instant occurredAt) {

    public static final String COMMENTED = "COMMENTED";
    public static final String OPENED = "OPENED";
    public static final String REFUSED = "REFUSED";
}
