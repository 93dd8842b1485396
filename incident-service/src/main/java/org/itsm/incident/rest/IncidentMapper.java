package org.itsm.incident.rest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.incident.domain.SlaClock;
import org.itsm.incident.rest.IncidentApi.CommentView;
import org.itsm.incident.rest.IncidentApi.IncidentView;
import org.itsm.incident.rest.IncidentApi.SlaClockView;
import org.itsm.incident.rest.IncidentApi.SlaView;
import org.itsm.incident.service.SlaPolicy;

/** Entity → API model, with the SLA block computed for now. */
@ApplicationScoped
public class IncidentMapper {

    private final SlaPolicy slaPolicy;

    public IncidentMapper(SlaPolicy slaPolicy) {
        this.slaPolicy = slaPolicy;
    }

    public IncidentView toView(Incident incident) {
        return new IncidentView(incident.id, incident.number, incident.version, incident.shortDescription,
                incident.description, incident.caller, incident.category, incident.subcategory, incident.serviceId,
                incident.offeringId, incident.impact, incident.urgency, incident.priority, incident.assignmentGroup,
                incident.assignee, incident.state, incident.holdReason, incident.major, incident.parentId,
                incident.problemNumber, incident.causedByChange, incident.possibleCauseChange, incident.correlationKey,
                incident.reportCount, incident.resolutionCode, incident.resolutionNotes, incident.workaround,
                incident.createdAt, incident.updatedAt, incident.respondedAt, incident.resolvedAt, incident.closedAt,
                sla(incident));
    }

    public SlaView sla(Incident incident) {
        Instant now = Instant.now();
        return new SlaView(clock(slaPolicy.responseClock(incident), now),
                clock(slaPolicy.resolutionClock(incident), now), incident.slaPausedSince != null);
    }

    public CommentView toView(IncidentComment comment) {
        return new CommentView(comment.id, comment.author, comment.body, comment.internal, comment.createdAt);
    }

    private static SlaClockView clock(SlaClock clock, Instant now) {
        return new SlaClockView(clock.dueAt(now), clock.state(now),
                Math.round(clock.elapsedFraction(now) * 1000) / 10.0, clock.target().toMinutes());
    }
}
