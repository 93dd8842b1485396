package org.itsm.events.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A problem at a lifecycle moment, with the incidents linked to it. {@code affectedIncidentNumbers} names the
 * incidents the event is about (those just linked or unlinked); it is null for other moments.
 * {@code knownErrorWorkaround} is the workaround of the problem's published known error (null while none is
 * published), so an incident linked after publication still receives it.
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
        List<String> affectedIncidentNumbers,
        String knownErrorWorkaround) {

    /** A moment about particular incidents, before any known error is published. */
    public ProblemEvent(UUID id, String number, String state, UUID serviceId, String category,
            List<String> linkedIncidentNumbers, String fixChangeNumber, String resolutionCode, Instant occurredAt,
            List<String> affectedIncidentNumbers) {
        this(id, number, state, serviceId, category, linkedIncidentNumbers, fixChangeNumber, resolutionCode,
                occurredAt, affectedIncidentNumbers, null);
    }


    /** A lifecycle moment that concerns no particular incident. */
    public ProblemEvent(UUID id, String number, String state, UUID serviceId, String category,
            List<String> linkedIncidentNumbers, String fixChangeNumber, String resolutionCode, Instant occurredAt) {
        this(id, number, state, serviceId, category, linkedIncidentNumbers, fixChangeNumber, resolutionCode,
                occurredAt, null, null);
    }
}
