package org.itsm.incident.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.incident.domain.SlaClock;
import org.itsm.incident.domain.SlaPause;
import org.itsm.incident.domain.SlaTermsReason;
import org.itsm.incident.domain.SlaTimeline;
import org.itsm.incident.rest.IncidentApi.CalendarView;
import org.itsm.incident.rest.IncidentApi.SlaClockExplanation;
import org.itsm.incident.rest.IncidentApi.SlaExplanation;
import org.itsm.incident.rest.IncidentApi.SlaIntervalView;
import org.itsm.incident.rest.IncidentApi.CommentView;
import org.itsm.incident.rest.IncidentApi.IncidentView;
import org.itsm.incident.rest.IncidentApi.SlaClockView;
import org.itsm.incident.rest.IncidentApi.SlaView;
import org.itsm.incident.service.SlaPolicy;

/** Entity → API model, with the SLA block computed for now. */
@ApplicationScoped
public class IncidentMapper {

    private final SlaPolicy slaPolicy;
    private final Clock clock;

    public IncidentMapper(SlaPolicy slaPolicy, Clock clock) {
        this.slaPolicy = slaPolicy;
        this.clock = clock;
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
        Instant now = clock.instant();
        return new SlaView(clock(slaPolicy.responseClock(incident), now),
                clock(slaPolicy.resolutionClock(incident), now), incident.slaPausedSince != null);
    }

    public SlaExplanation explain(Incident incident, List<SlaPause> pauses) {
        Instant now = clock.instant();
        BusinessCalendar calendar = slaPolicy.calendar(incident);
        List<SlaTimeline.Pause> clockPauses = pauses.stream()
                .map(pause -> new SlaTimeline.Pause(pause.startedAt, pause.endedAt)).toList();
        CalendarView calendarView = calendar.isAlways() ? new CalendarView("ALWAYS", null, null, null, null, null)
                : new CalendarView("BUSINESS_HOURS", calendar.zone().getId(),
                        calendar.workingDays().stream().sorted().map(Enum::name).toList(), calendar.start(),
                        calendar.end(), calendar.holidays().stream().sorted().toList());
        String explanation = incident.slaTermsReason == null ? null
                : SlaTermsReason.valueOf(incident.slaTermsReason).explanation();
        return new SlaExplanation(incident.priority, incident.slaTargetSource, incident.offeringId,
                incident.slaOfferingId, explanation, calendarView,
                explain(slaPolicy.responseClock(incident), clockPauses, now),
                explain(slaPolicy.resolutionClock(incident), clockPauses, now));
    }

    private static SlaClockExplanation explain(SlaClock clock, List<SlaTimeline.Pause> pauses, Instant now) {
        List<SlaIntervalView> intervals = SlaTimeline.of(clock.calendar(), clock.start(), clock.stoppedAt(), pauses, now)
                .stream().map(interval -> new SlaIntervalView(interval.kind(), interval.from(), interval.to(),
                        interval.workingTime().toMinutes()))
                .toList();
        return new SlaClockExplanation(clock.target().toMinutes(), clock.start(), clock.stoppedAt(), clock.dueAt(now),
                clock.state(now), percent(clock, now), clock.elapsed(now).toMinutes(),
                clock.pausedTotal(now).toMinutes(), intervals);
    }

    public CommentView toView(IncidentComment comment) {
        return new CommentView(comment.id, comment.author, comment.body, comment.internal, comment.createdAt);
    }

    private static SlaClockView clock(SlaClock clock, Instant now) {
        return new SlaClockView(clock.dueAt(now), clock.state(now), percent(clock, now), clock.target().toMinutes());
    }

    private static double percent(SlaClock clock, Instant now) {
        return Math.round(clock.elapsedFraction(now) * 1000) / 10.0;
    }
}
