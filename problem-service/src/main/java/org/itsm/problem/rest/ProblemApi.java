package org.itsm.problem.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.itsm.events.api.Priority;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.domain.ResolutionCode;

/** API models of the problem resources (records; entities never cross the API). */
public final class ProblemApi {

    static final String INCIDENT_NUMBER = "INC[0-9]{7,}";
    static final String PROBLEM_NUMBER = "PRB[0-9]{7,}";
    static final String CHANGE_NUMBER = "CHG[0-9]{7,}";
    /** Optional text that, when given, says something: not only blanks (a blank root cause is no root cause). */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private ProblemApi() {
    }

    @Schema(description = "A new problem. Priority follows from impact × urgency.")
    public record CreateProblem(
            @NotBlank @Size(max = 160) @Schema(example = "Mail queue stalls under load") String statement,
            @Size(max = 4000) String description,
            UUID serviceId,
            @Size(max = 80) @Schema(example = "email") String category,
            @NotNull @Min(1) @Max(3) @Schema(description = "1 = widespread .. 3 = single user", example = "2") Integer impact,
            @NotNull @Min(1) @Max(3) @Schema(description = "1 = critical .. 3 = can wait", example = "2") Integer urgency,
            @Size(max = 120) String assignmentGroup,
            @Size(max = 120) String assignee,
            @Size(max = 50) @Schema(description = "Incidents to link at once", example = "[\"INC0001001\"]")
            List<@NotNull @Pattern(regexp = INCIDENT_NUMBER) String> incidentNumbers) {
    }

    @Schema(description = "Fields to change; absent fields stay as they are. Recording the root cause is evented.")
    public record UpdateProblem(
            @Size(min = 1, max = 160) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String statement,
            @Size(max = 4000) String description,
            UUID serviceId,
            @Size(max = 80) String category,
            @Min(1) @Max(3) Integer impact,
            @Min(1) @Max(3) Integer urgency,
            @Size(max = 120) String assignmentGroup,
            @Size(max = 120) String assignee,
            @Size(min = 1, max = 4000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String rootCause,
            @Size(min = 1, max = 4000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String workaround,
            @Size(min = 1, max = 4000) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String fixDescription) {
    }

    @Schema(description = "FIX_APPLIED needs a root cause and a fix change or notes; RISK_ACCEPTED needs notes; "
            + "DUPLICATE names the problem duplicated.")
    public record Resolve(
            @NotNull ResolutionCode resolutionCode,
            @Size(max = 4000) String resolutionNotes,
            @Pattern(regexp = PROBLEM_NUMBER) @Schema(example = "PRB0001001") String duplicateOf) {
    }

    public record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    public record LinkIncident(
            @NotBlank @Pattern(regexp = INCIDENT_NUMBER) @Schema(example = "INC0001001") String incidentNumber) {
    }

    public record FixChange(
            @NotBlank @Pattern(regexp = CHANGE_NUMBER) @Schema(example = "CHG0001001") String changeNumber) {
    }

    @Schema(description = "The known error; root cause and service default to the problem's.")
    public record PublishKnownError(
            @NotBlank @Size(max = 4000) @Schema(example = "Outgoing mail stays in the outbox") String symptom,
            @Size(min = 1, max = 4000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String rootCause,
            @NotBlank @Size(max = 4000) @Schema(example = "Restart the MTA on the relay host") String workaround,
            UUID serviceId) {
    }

    public record ProblemView(
            UUID id,
            String number,
            long version,
            String statement,
            String description,
            UUID serviceId,
            String category,
            int impact,
            int urgency,
            Priority priority,
            String assignmentGroup,
            String assignee,
            ProblemState state,
            ProblemSource source,
            String rootCause,
            Instant rootCauseIdentifiedAt,
            String workaround,
            String fixDescription,
            String fixChangeNumber,
            String fixChangeOutcome,
            ResolutionCode resolutionCode,
            String resolutionNotes,
            String duplicateOf,
            boolean knownError,
            Instant knownErrorPublishedAt,
            int incidentCount,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            Instant resolvedAt,
            Instant closedAt,
            @Schema(description = "What the caller may do now (moves first), as next-states and the endpoints say")
            List<String> allowedActions) {
    }

    /** {@code incidentId} and {@code state} as incident events last told them; null until the incident was seen. */
    public record LinkedIncidentView(String incidentNumber, UUID incidentId, String state, String linkedBy,
            Instant linkedAt) {
    }

    public record KnownErrorView(UUID id, UUID problemId, String problemNumber, ProblemState problemState,
            String symptom, String rootCause, String workaround, UUID serviceId, int incidentCount,
            String publishedBy, Instant publishedAt, Instant updatedAt) {
    }

    @Schema(description = "A move the caller may make now: where it leads, what it requires, the resolution codes "
            + "allowed, the fields it still needs given what the problem holds (on the problem or in the request), "
            + "and for resolve the fields each code still needs.")
    public record NextMove(String action, ProblemState target, List<String> requires,
            List<ResolutionCode> resolutionCodes, List<String> requiredFields,
            Map<ResolutionCode, List<String>> requiredFieldsByCode) {
    }

    @Schema(description = "What the caller may do now: the moves, and every action by name (moves first, then "
            + "update, link-incident, unlink-incident, fix-change, publish-known-error), as the endpoints enforce it.")
    public record NextStates(ProblemState state, List<NextMove> moves, List<String> allowedActions) {
    }

    public record Summary(long open, Map<ProblemState, Long> byState, long openDetectedCandidates,
            long knownErrors, long incidentsLinkedToKnownErrors, double meanTimeToRootCauseHours,
            long resolvedLast30Days) {
    }
}
