package org.itsm.incident.service;

import java.util.UUID;

import org.itsm.incident.domain.HoldReason;
import org.itsm.incident.domain.ResolutionCode;

/**
 * What the incident use cases are asked to do, in their own terms: the REST layer maps its request records to these,
 * and an event consumer could build them just as well. Validation of the wire format stays with the API records.
 */
public final class IncidentCommands {

    private IncidentCommands() {
    }

    /** Log a new incident (or add a repeated report to the open incident of its correlation key). */
    public record LogIncident(String shortDescription, String description, int impact, int urgency, String category,
            String subcategory, UUID serviceId, UUID offeringId, String caller, String assignmentGroup,
            String correlationKey, UUID parentId, boolean major) {
    }

    /** Change fields; null leaves a field as it is. */
    public record EditIncident(String shortDescription, String description, Integer impact, Integer urgency,
            String category, String subcategory, UUID serviceId, UUID offeringId, Boolean major,
            String problemNumber, String causedByChange, UUID parentId) {
    }

    /** Assign to a group, an assignee or both (null leaves that one as it is). */
    public record AssignIncident(String assignmentGroup, String assignee) {
    }

    /** Put on hold for a reason, with an optional comment to the caller (required when awaiting the caller). */
    public record HoldIncident(HoldReason holdReason, String comment) {
    }

    /** Resolve with a resolution code and notes. */
    public record ResolveIncident(ResolutionCode resolutionCode, String resolutionNotes) {
    }
}
