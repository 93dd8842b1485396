package org.itsm.events.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People were {@code @mentioned} in a public comment or an internal work note ({@code workNote}) of an incident. It
 * carries who wrote, whom they named and the incident's caller, never the text: the event travels to browsers on
 * the live stream, and a work note is not for requesters.
 */
public record IncidentMentionEvent(
        UUID id,
        String number,
        String shortDescription,
        String caller,
        String author,
        boolean workNote,
        List<String> mentioned,
        Instant occurredAt) {
}
