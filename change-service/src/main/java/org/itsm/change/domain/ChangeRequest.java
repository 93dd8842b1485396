package org.itsm.change.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.itsm.support.persistence.JsonColumn;
import jakarta.persistence.Version;

/** The change request aggregate as stored; it never crosses the API (resources map it to API models). */
@Entity
@Table(name = "change_request")
public class ChangeRequest {

    @Id
    public UUID id;
    public String number;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    public ChangeType type;
    @Enumerated(EnumType.STRING)
    public ChangeState state;
    public String title;
    public String description;
    public String justification;
    @Convert(converter = JsonColumn.UuidList.class)
    @Column(name = "affected_service_ids")
    public List<UUID> affectedServiceIds = List.of();
    /** The same column as its JSON text, read-only, for the service filter of lists (an id as a JSON element). */
    @Column(name = "affected_service_ids", insertable = false, updatable = false)
    public String affectedServicesText;
    @Convert(converter = JsonColumn.UuidList.class)
    @Column(name = "affected_offering_ids")
    public List<UUID> affectedOfferingIds = List.of();
    @Column(name = "planned_start")
    public Instant plannedStart;
    @Column(name = "planned_end")
    public Instant plannedEnd;
    @Column(name = "implementation_plan")
    public String implementationPlan;
    @Column(name = "backout_plan")
    public String backoutPlan;
    @Column(name = "test_plan")
    public String testPlan;
    public String requester;
    @Column(name = "change_manager")
    public String changeManager;
    public String implementer;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "problem_number")
    public String problemNumber;
    /** JSON of the event contract's CatalogUpdate. */
    @Column(name = "catalog_update")
    public String catalogUpdate;
    @Enumerated(EnumType.STRING)
    @Column(name = "catalog_update_status")
    public CatalogUpdateStatus catalogUpdateStatus;
    @Column(name = "catalog_update_reason")
    public String catalogUpdateReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_impact")
    public Rating riskImpact;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_complexity")
    public Rating riskComplexity;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_backout_difficulty")
    public Rating riskBackoutDifficulty;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_testing")
    public Testing riskTesting;
    @Column(name = "risk_score")
    public Integer riskScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;
    /** The answers that drove the risk, one per line. */
    @Column(name = "risk_reasons")
    public String riskReasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_route")
    public ApprovalRoute approvalRoute;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_status")
    public ApprovalStatus approvalStatus = ApprovalStatus.NOT_REQUESTED;
    /** Incremented each time the change enters Authorize; votes of earlier rounds no longer count. */
    @Column(name = "approval_round")
    public int approvalRound;
    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "conflict_override_reason")
    public String conflictOverrideReason;
    @Column(name = "conflict_override_by")
    public String conflictOverrideBy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "outcome_notes")
    public String outcomeNotes;
    @Column(name = "review_notes")
    public String reviewNotes;
    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "implementation_started_at")
    public Instant implementationStartedAt;
    @Column(name = "implemented_at")
    public Instant implementedAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean approved() {
        return approvalStatus == ApprovalStatus.APPROVED;
    }

    /** The planned window, or null while start or end is missing. */
    public Window window() {
        return plannedStart == null || plannedEnd == null || !plannedEnd.isAfter(plannedStart) ? null
                : new Window(plannedStart, plannedEnd);
    }
}
