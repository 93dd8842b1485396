package org.itsm.events.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** State of an incident after the change the event reports; {@code changedFields} names what moved. */
public record IncidentEvent(
        UUID id,
        String number,
        String shortDescription,
        String state,
        String priority,
        int impact,
        int urgency,
        String category,
        UUID serviceId,
        UUID offeringId,
        String caller,
        String assignmentGroup,
        String assignee,
        boolean major,
        String resolutionCode,
        String holdReason,
        String causedByChange,
        List<String> changedFields,
        Instant occurredAt) {
}
