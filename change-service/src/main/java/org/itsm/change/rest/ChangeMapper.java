package org.itsm.change.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeApproval;
import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeTemplate;
import org.itsm.change.domain.ScheduleConflicts.Conflict;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.rest.ChangeApi.ApprovalView;
import org.itsm.change.rest.ChangeApi.Approvals;
import org.itsm.change.rest.ChangeApi.Blackout;
import org.itsm.change.rest.ChangeApi.ChangeView;
import org.itsm.change.rest.ChangeApi.ConflictOverride;
import org.itsm.change.rest.ChangeApi.ConflictView;
import org.itsm.change.rest.ChangeApi.Conflicts;
import org.itsm.change.rest.ChangeApi.RiskView;
import org.itsm.change.rest.ChangeApi.Schedule;
import org.itsm.change.rest.ChangeApi.ScheduledChange;
import org.itsm.change.rest.ChangeApi.Summary;
import org.itsm.change.rest.ChangeApi.TemplateView;
import org.itsm.change.rest.ChangeApi.VoteView;
import org.itsm.change.service.ChangeQueries;
import org.itsm.change.service.ChangeApprovals;

/** Entity → API model, explicitly. */
@ApplicationScoped
public class ChangeMapper {

    private final ChangeEventPublisher events;
    private final ChangeApprovals approvals;

    public ChangeMapper(ChangeEventPublisher events, ChangeApprovals approvals) {
        this.events = events;
        this.approvals = approvals;
    }

    public ChangeView toView(ChangeRequest change) {
        RiskView risk = new RiskView(change.riskImpact, change.riskComplexity, change.riskBackoutDifficulty,
                change.riskTesting, change.riskScore, change.riskLevel,
                change.riskReasons == null ? List.of() : Arrays.asList(change.riskReasons.split("\n")));
        boolean reviewRequired = ChangeLifecycle.reviewRequired(change.type, change.outcome);
        return new ChangeView(change.id, change.number, change.version, change.type, change.state, change.title,
                change.description, change.justification, change.affectedServiceIds, change.affectedOfferingIds,
                change.plannedStart, change.plannedEnd, change.implementationPlan, change.backoutPlan,
                change.testPlan, change.requester, change.changeManager, change.implementer, change.templateId,
                change.problemNumber, events.catalogUpdate(change.catalogUpdate), change.catalogUpdateStatus,
                change.catalogUpdateReason, risk, approval(change),
                override(change), change.outcome, change.outcomeNotes, change.reviewNotes, reviewRequired,
                change.cancelReason, change.createdAt, change.updatedAt, change.implementationStartedAt,
                change.implementedAt, change.closedAt);
    }

    public Approvals approvals(ChangeRequest change, List<ChangeApproval> votes) {
        ApprovalView approval = approval(change);
        return new Approvals(approval.route(), approval.status(), approval.required(), approval.round(),
                votes.stream().map(this::toView).toList());
    }

    public VoteView toView(ChangeApproval vote) {
        return new VoteView(vote.voter, vote.capacity, vote.decision, vote.comment, vote.round, vote.castAt);
    }

    public Conflicts conflicts(ChangeRequest change, List<Conflict> conflicts) {
        return new Conflicts(change.plannedStart, change.plannedEnd,
                change.conflictOverrideReason == null && conflicts.stream().anyMatch(Conflict::hard),
                override(change), conflicts.stream().map(conflict -> new ConflictView(conflict.kind(), conflict.hard(),
                        conflict.serviceId(), conflict.changeNumber(),
                        conflict.window() == null ? null : conflict.window().start(),
                        conflict.window() == null ? null : conflict.window().end(), conflict.description())).toList());
    }

    public Schedule schedule(Instant from, Instant to, ChangeQueries.Calendar calendar) {
        return new Schedule(from, to, calendar.changes().stream().map(change -> new ScheduledChange(change.id,
                change.number, change.title, change.type, change.state, change.plannedStart, change.plannedEnd,
                change.affectedServiceIds, change.riskLevel, change.implementer)).toList(),
                calendar.blackouts().stream().map(blackout -> new Blackout(blackout.serviceId(),
                        blackout.serviceName(), blackout.window().start(), blackout.window().end(),
                        blackout.window().description())).toList());
    }

    public Summary summary(ChangeQueries.Summary summary) {
        return new Summary(summary.total(), summary.byState(), summary.byType(), summary.emergencyRatio(),
                summary.withOutcome(), summary.successRate(), summary.meanLeadTimeHours());
    }

    public TemplateView toView(ChangeTemplate template) {
        return new TemplateView(template.id, template.name, template.description, template.implementationPlan,
                template.backoutPlan, template.testPlan, template.active, template.createdBy, template.createdAt);
    }

    private ApprovalView approval(ChangeRequest change) {
        return new ApprovalView(change.approvalRoute, change.approvalStatus,
                change.approvalRoute == null ? null : approvals.policy().describe(change.approvalRoute),
                change.approvalRound, change.approvedAt);
    }

    private static ConflictOverride override(ChangeRequest change) {
        return change.conflictOverrideReason == null ? null
                : new ConflictOverride(change.conflictOverrideReason, change.conflictOverrideBy);
    }
}
