package org.itsm.incident.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.SlaAlert;
import org.itsm.incident.domain.SlaClock;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Puts the SLA alert marks on an incident by the rules of {@link SlaAlert}, and for each mark that goes up
 * publishes the existing SLA event (at-risk / breached), writes it into the history and counts a breach. Asked by
 * the monitor, after every lifecycle move (a clock stopped late is a breach at once) and after a change of terms.
 */
@ApplicationScoped
public class SlaAlerts {

    static final String RESPONSE = "RESPONSE";
    static final String RESOLUTION = "RESOLUTION";
    private static final String SYSTEM = "system";

    private final SlaPolicy slaPolicy;
    private final IncidentEventPublisher events;
    private final RecordHistory history;
    private final MeterRegistry meters;

    public SlaAlerts(SlaPolicy slaPolicy, IncidentEventPublisher events, RecordHistory history, MeterRegistry meters) {
        this.slaPolicy = slaPolicy;
        this.events = events;
        this.history = history;
        this.meters = meters;
    }

    /** Under unchanged terms: marks only go up; a breach stays a breach. */
    public Uni<Void> check(Incident incident, Instant now) {
        return mark(incident, now, false);
    }

    /** After the priority or offering changed: the marks are what the new terms say. */
    public Uni<Void> recompute(Incident incident, Instant now) {
        return mark(incident, now, true);
    }

    private Uni<Void> mark(Incident incident, Instant now, boolean termsChanged) {
        SlaClock response = slaPolicy.responseClock(incident);
        SlaClock resolution = slaPolicy.resolutionClock(incident);
        SlaAlert responseBefore = SlaAlert.of(incident.responseSlaAlert);
        SlaAlert resolutionBefore = SlaAlert.of(incident.resolutionSlaAlert);
        SlaAlert responseAfter = termsChanged ? SlaAlert.recompute(response, now)
                : SlaAlert.escalate(responseBefore, response.alert(now));
        SlaAlert resolutionAfter = termsChanged ? SlaAlert.recompute(resolution, now)
                : SlaAlert.escalate(resolutionBefore, resolution.alert(now));
        if (responseAfter == responseBefore && resolutionAfter == resolutionBefore) {
            return Uni.createFrom().voidItem();
        }
        incident.responseSlaAlert = SlaAlert.name(responseAfter);
        incident.resolutionSlaAlert = SlaAlert.name(resolutionAfter);
        FieldEdits marks = new FieldEdits();
        marks.record("responseSlaAlert", SlaAlert.name(responseBefore), incident.responseSlaAlert);
        marks.record("resolutionSlaAlert", SlaAlert.name(resolutionBefore), incident.resolutionSlaAlert);
        return history.record(incident.id, SYSTEM, marks.changes())
                .flatMap(ignored -> raised(incident, RESPONSE, response, responseBefore, responseAfter, now))
                .flatMap(ignored -> raised(incident, RESOLUTION, resolution, resolutionBefore, resolutionAfter, now));
    }

    private Uni<Void> raised(Incident incident, String clockName, SlaClock clock, SlaAlert before, SlaAlert after,
            Instant now) {
        if (after == null || after == before) {
            return Uni.createFrom().voidItem();
        }
        if (after == SlaAlert.BREACHED) {
            meters.counter("itsm.incident.sla.breaches", "clock", clockName, "priority", incident.priority.name())
                    .increment();
        }
        return events.publishSla(incident, clockName, after.name(), clock.dueAt(now));
    }
}
