package org.itsm.events.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A problem at a lifecycle moment, with the incidents linked to it. */
public record ProblemEvent(
        UUID id,
        String number,
        String state,
        UUID serviceId,
        String category,
        List<String> linkedIncidentNumbers,
        String fixChangeNumber,
        String resolutionCode,
        Instant occurredAt) {
}
