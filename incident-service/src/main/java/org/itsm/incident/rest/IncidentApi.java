package org.itsm.incident.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.itsm.events.api.Priority;
import org.itsm.incident.domain.HoldReason;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.domain.ResolutionCode;
import org.itsm.incident.domain.SlaState;
import org.itsm.incident.domain.SlaTimeline;
import org.itsm.incident.service.IncidentCommands.AssignIncident;
import org.itsm.incident.service.IncidentCommands.EditIncident;
import org.itsm.incident.service.IncidentCommands.HoldIncident;
import org.itsm.incident.service.IncidentCommands.LogIncident;
import org.itsm.incident.service.IncidentCommands.ResolveIncident;

/** API models of the incident resource (records; entities never cross the API); requests map to commands. */
public final class IncidentApi {

    private IncidentApi() {
    }

    @Schema(description = "A new incident. Priority follows from impact × urgency.")
    public record CreateIncident(
            @NotBlank @Size(max = 160) @Schema(example = "Email not delivered to external recipients") String shortDescription,
            @Size(max = 4000) String description,
            @NotNull @Min(1) @Max(3) @Schema(description = "1 = widespread .. 3 = single user", example = "2") Integer impact,
            @NotNull @Min(1) @Max(3) @Schema(description = "1 = critical .. 3 = can wait", example = "2") Integer urgency,
            @Size(max = 80) String category,
            @Size(max = 80) String subcategory,
            UUID serviceId,
            UUID offeringId,
            @Size(max = 120) @Schema(description = "Defaults to the caller's own user name") String caller,
            @Size(max = 120) String assignmentGroup,
            @Size(max = 200) @Schema(description = "Monitoring alert key: repeated reports join the open incident"
                    + " (a requester's key only ever joins their own incidents)") String correlationKey,
            UUID parentId,
            @Schema(description = "Declare a major incident at once (agents and admins)") Boolean major) {

        public LogIncident toCommand() {
            return new LogIncident(shortDescription, description, impact, urgency, category, subcategory, serviceId,
                    offeringId, caller, assignmentGroup, correlationKey, parentId, Boolean.TRUE.equals(major));
        }
    }

    @Schema(description = "Fields to change; absent fields stay as they are.")
    public record UpdateIncident(
            @Size(min = 1, max = 160) String shortDescription,
            @Size(max = 4000) String description,
            @Min(1) @Max(3) Integer impact,
            @Min(1) @Max(3) Integer urgency,
            @Size(max = 80) String category,
            @Size(max = 80) String subcategory,
            UUID serviceId,
            UUID offeringId,
            Boolean major,
            @Size(max = 20) String problemNumber,
            @Size(max = 20) String causedByChange,
            @Schema(description = "The parent incident; one that would make a cycle is refused (422)") UUID parentId) {

        public EditIncident toCommand() {
            return new EditIncident(shortDescription, description, impact, urgency, category, subcategory, serviceId,
                    offeringId, major, problemNumber, causedByChange, parentId);
        }
    }

    public record Assign(@Size(max = 120) String assignmentGroup, @Size(max = 120) String assignee) {

        public AssignIncident toCommand() {
            return new AssignIncident(assignmentGroup, assignee);
        }
    }

    @Schema(description = "Put on hold; AWAITING_CALLER pauses the SLA clocks and needs a comment to the caller")
    public record Hold(@NotNull HoldReason holdReason, @Size(max = 4000) String comment) {

        public HoldIncident toCommand() {
            return new HoldIncident(holdReason, comment);
        }
    }

    @Schema(description = "Resolve with an ITIL resolution code and notes")
    public record Resolve(@NotNull ResolutionCode resolutionCode,
            @NotBlank @Size(max = 4000) String resolutionNotes) {

        public ResolveIncident toCommand() {
            return new ResolveIncident(resolutionCode, resolutionNotes);
        }
    }

    @Schema(description = "Why (required to reopen or cancel)")
    public record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    public record NewComment(@NotBlank @Size(max = 4000) String body) {
    }

    public record CommentView(UUID id, String author, String body, boolean internal, Instant createdAt) {
    }

    public record SlaClockView(Instant dueAt, SlaState state, double elapsedPercent, long targetMinutes) {
    }

    public record SlaView(SlaClockView response, SlaClockView resolution, boolean paused) {
    }

    @Schema(description = "Why an SLA clock shows what it shows: where the targets came from, the calendar it counts"
            + " on, and its running and paused intervals")
    public record SlaExplanation(
            Priority priority,
            @Schema(description = "OFFERING: an offering's agreed targets (the named one or the service's default"
                    + " offering); DEFAULT: the configured defaults")
            String targetSource,
            UUID offeringId,
            @Schema(description = "The offering whose targets apply: the named one or the service's default offering;"
                    + " absent when the defaults apply")
            UUID termsOfferingId,
            @Schema(description = "Why these targets apply (and, when the defaults apply, why no offering's did)")
            String explanation,
            CalendarView calendar,
            SlaClockExplanation response,
            SlaClockExplanation resolution) {
    }

    @Schema(description = "The calendar a clock counts working time on; kind ALWAYS means 24x7")
    public record CalendarView(String kind, String timeZone, List<String> workingDays, LocalTime start, LocalTime end,
            List<LocalDate> holidays) {
    }

    public record SlaClockExplanation(long targetMinutes, Instant startedAt, Instant stoppedAt, Instant dueAt,
            SlaState state, double elapsedPercent, long elapsedMinutes, long pausedMinutes,
            List<SlaIntervalView> intervals) {
    }

    @Schema(description = "A stretch of the clock's life; 'to' is absent while it lasts")
    public record SlaIntervalView(SlaTimeline.Kind kind, Instant from, Instant to, long workingMinutes) {
    }

    public record IncidentView(
            UUID id,
            String number,
            long version,
            String shortDescription,
            String description,
            String caller,
            String category,
            String subcategory,
            UUID serviceId,
            UUID offeringId,
            int impact,
            int urgency,
            Priority priority,
            String assignmentGroup,
            String assignee,
            IncidentState state,
            HoldReason holdReason,
            boolean major,
            UUID parentId,
            String problemNumber,
            String causedByChange,
            String possibleCauseChange,
            String correlationKey,
            int reportCount,
            String resolutionCode,
            String resolutionNotes,
            String workaround,
            Instant createdAt,
            Instant updatedAt,
            Instant respondedAt,
            Instant resolvedAt,
            Instant closedAt,
            SlaView sla) {
    }

    @Schema(description = "A move the caller may make now: where it leads and its request body")
    public record NextMove(String action, IncidentState target,
            @Schema(description = "Body fields the move requires") List<String> requires,
            @Schema(description = "Body fields the move accepts besides") List<String> optional,
            @Schema(description = "A condition on the fields, when there is one") String condition) {
    }

    public record NextStates(IncidentState state, List<NextMove> moves) {
    }

    @Schema(description = "The assignment groups of the caller, sorted by name")
    public record MyGroups(@Schema(example = "[\"service-desk\"]") List<String> groups) {
    }
}
