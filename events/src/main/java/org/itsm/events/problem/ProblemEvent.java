package org.itsm.events.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A problem at a lifecycle moment, with the incidents linked to it. {@code affectedIncidentNumbers} names the
 * incidents the event is about (those just linked or unlinked); it is null for other moments.
 */
public record ProblemEvent(
        UUID id,
        String number,
        String state,
        UUID serviceId,
        String category,
        List<String> linkedIncidentNumbers,
        String fixChangeNumber,
        String resolutionCode,
        Instant occurredAt,
        List<String> affectedIncidentNumbers) {

    /** A lifecycle moment that concerns no particular incident. */
    public ProblemEvent(UUID id, String number, String state, UUID serviceId, String category,
            List<String> linkedIncidentNumbers, String fixChangeNumber, String resolutionCode, Instant occurredAt) {
        this(id, number, state, serviceId, category, linkedIncidentNumbers, fixChangeNumber, resolutionCode,
                occurredAt, null);
    }
}
