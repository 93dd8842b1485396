package org.itsm.events.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A known error published for a problem; the workaround goes to the linked open incidents. */
public record KnownErrorEvent(
        UUID problemId,
        String problemNumber,
        UUID serviceId,
        String symptom,
        String rootCause,
        String workaround,
        List<String> linkedIncidentNumbers,
        Instant occurredAt) {
}
