package org.itsm.change.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.itsm.change.domain.ApprovalRoute;
import org.itsm.change.domain.ApprovalStatus;
import org.itsm.change.domain.Capacity;
import org.itsm.change.domain.CatalogUpdateStatus;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.ConflictKind;
import org.itsm.change.domain.Decision;
import org.itsm.change.domain.Outcome;
import org.itsm.change.domain.Rating;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.domain.Testing;
import org.itsm.events.change.CatalogUpdate;

/** API models of the change resource (records; entities never cross the API). */
public final class ChangeApi {

    private ChangeApi() {
    }

    @Schema(description = "Answers of the risk assessment; with the affected services' past failures they give the risk.")
    public record RiskAnswers(
            @Schema(description = "Business impact if it goes wrong") Rating impact,
            Rating complexity,
            @Schema(description = "How hard it is to back out") Rating backoutDifficulty,
            Testing testing) {
    }

    @Schema(description = "A new change request. Standard changes name their pre-approved template.")
    public record CreateChange(
            @NotNull ChangeType type,
            @NotBlank @Size(max = 160) @Schema(example = "Upgrade the mail gateway to 2.4") String title,
            @Size(max = 4000) String description,
            @Size(max = 4000) String justification,
            @Size(max = 50) List<@NotNull UUID> affectedServiceIds,
            @Size(max = 50) List<@NotNull UUID> affectedOfferingIds,
            @Schema(example = "2026-12-05T22:00:00Z") Instant plannedStart,
            @Schema(example = "2026-12-05T23:30:00Z") Instant plannedEnd,
            @Size(max = 8000) String implementationPlan,
            @Size(max = 8000) String backoutPlan,
            @Size(max = 8000) String testPlan,
            @Size(max = 120) String changeManager,
            @Size(max = 120) @Schema(description = "User name of the person who implements the change") String implementer,
            UUID templateId,
            @Size(max = 20) @Schema(description = "The problem this change fixes", example = "PRB0001001") String problemNumber,
            @Valid @Schema(description = "What the catalog applies to the affected services once implemented") CatalogUpdate catalogUpdate,
            @Valid RiskAnswers riskAssessment) {
    }

    @Schema(description = "Fields to change; absent fields stay as they are. The type changes only while New.")
    public record UpdateChange(
            ChangeType type,
            @Size(min = 1, max = 160) String title,
            @Size(max = 4000) String description,
            @Size(max = 4000) String justification,
            @Size(max = 50) List<@NotNull UUID> affectedServiceIds,
            @Size(max = 50) List<@NotNull UUID> affectedOfferingIds,
            Instant plannedStart,
            Instant plannedEnd,
            @Size(max = 8000) String implementationPlan,
            @Size(max = 8000) String backoutPlan,
            @Size(max = 8000) String testPlan,
            @Size(max = 120) String changeManager,
            @Size(max = 120) String implementer,
            UUID templateId,
            @Size(max = 20) String problemNumber,
            @Valid CatalogUpdate catalogUpdate,
            @Valid RiskAnswers riskAssessment) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "End of implementation: how it went.")
    public record Review(@NotNull Outcome outcome, @Size(max = 4000) String notes) {
    }

    @Schema(description = "Closing from Implement needs the outcome; closing from Review needs the review notes.")
    public record Close(Outcome outcome, @Size(max = 4000) String outcomeNotes, @Size(max = 4000) String reviewNotes) {
    }

    @Schema(description = "Starting the implementation; outside the planned window a reason is required.")
    public record Implement(@Size(max = 2000) @Schema(description = "Why the implementation starts outside the planned"
            + " window") String outsideWindowReason) {
    }

    public record NewVote(@NotNull Decision decision, @Size(max = 2000) String comment) {
    }

    @Schema(description = "A pre-approved standard change template.")
    public record NewTemplate(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 8000) String implementationPlan,
            @NotBlank @Size(max = 8000) String backoutPlan,
            @NotBlank @Size(max = 8000) String testPlan) {
    }

    public record TemplateView(UUID id, String name, String description, String implementationPlan,
            String backoutPlan, String testPlan, boolean active, String createdBy, Instant createdAt) {
    }

    public record RiskView(Rating impact, Rating complexity, Rating backoutDifficulty, Testing testing,
            Integer score, RiskLevel level, List<String> reasons) {
    }

    public record ApprovalView(ApprovalRoute route, ApprovalStatus status,
            @Schema(description = "What the route needs") String required, int round, Instant approvedAt) {
    }

    public record ConflictOverride(String reason, String by) {
    }

    public record ChangeView(
            UUID id, String number, long version, ChangeType type, ChangeState state, String title,
            String description, String justification, List<UUID> affectedServiceIds, List<UUID> affectedOfferingIds,
            Instant plannedStart, Instant plannedEnd, String implementationPlan, String backoutPlan, String testPlan,
            String requester, String changeManager, String implementer, UUID templateId, String problemNumber,
            CatalogUpdate catalogUpdate,
            @Schema(description = "What the catalog did with the catalog update once implemented")
            CatalogUpdateStatus catalogUpdateStatus,
            @Schema(description = "Why the catalog rejected the update, per service") String catalogUpdateReason,
            RiskView risk, ApprovalView approval, ConflictOverride conflictOverride,
            Outcome outcome, String outcomeNotes, String reviewNotes, boolean reviewRequired, String cancelReason,
            Instant createdAt, Instant updatedAt, Instant implementationStartedAt, Instant implementedAt,
            Instant closedAt) {
    }

    public record VoteView(String voter, Capacity capacity, Decision decision, String comment, int round,
            Instant castAt) {
    }

    public record Approvals(ApprovalRoute route, ApprovalStatus status, String required, int round,
            List<VoteView> votes) {
    }

    public record ConflictView(ConflictKind kind, boolean hard, UUID serviceId, String changeNumber, Instant start,
            Instant end, String description) {
    }

    public record Conflicts(Instant plannedStart, Instant plannedEnd, boolean blocking, ConflictOverride override,
            List<ConflictView> conflicts) {
    }

    public record WindowView(Instant start, Instant end) {
    }

    public record NextMove(String action, ChangeState target, List<String> requires) {
    }

    public record NextStates(ChangeState state,
            @Schema(description = "The lifecycle moves the caller may make now") List<NextMove> moves,
            @Schema(description = "Every action the caller may take now: the moves, and edit, vote, conflict-override")
            List<String> allowedActions) {
    }

    public record ScheduledChange(UUID id, String number, String title, ChangeType type, ChangeState state,
            Instant plannedStart, Instant plannedEnd, List<UUID> affectedServiceIds, RiskLevel riskLevel,
            String implementer) {
    }

    public record Blackout(UUID serviceId, String serviceName, Instant start, Instant end, String description) {
    }

    public record Schedule(Instant from, Instant to, List<ScheduledChange> changes, List<Blackout> blackouts) {
    }

    @Schema(description = "Measures of change enablement")
    public record Summary(long total, Map<ChangeState, Long> byState, Map<ChangeType, Long> byType,
            @Schema(description = "Emergency changes among all changes (0..1)") double emergencyRatio,
            long withOutcome,
            @Schema(description = "Successful (with or without issues) among changes with an outcome, not counting those whose catalog update the catalog rejected (0..1)") double successRate,
            @Schema(description = "Mean hours from creation to close over closed changes") double meanLeadTimeHours) {
    }
}
