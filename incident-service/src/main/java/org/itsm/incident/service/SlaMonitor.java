package org.itsm.incident.service;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.SlaClock;
import org.itsm.incident.domain.SlaState;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.IncidentRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Finds SLA clocks that crossed the at-risk or breached line, marks them on the incident and publishes the
 * event once per crossing. Concurrent replicas are harmless: the incident's version makes one of them win.
 */
@ApplicationScoped
public class SlaMonitor {

    private static final Actor SYSTEM = new Actor("system", Set.of());
    private static final int BATCH = 200;

    private final IncidentRepository incidents;
    private final SlaPolicy slaPolicy;
    private final IncidentEventPublisher events;
    private final IncidentService incidentService;
    private final MeterRegistry meters;

    public SlaMonitor(IncidentRepository incidents, SlaPolicy slaPolicy, IncidentEventPublisher events,
            IncidentService incidentService, MeterRegistry meters) {
        this.incidents = incidents;
        this.slaPolicy = slaPolicy;
        this.events = events;
        this.incidentService = incidentService;
        this.meters = meters;
    }

    @Scheduled(every = "${itsm.incident.sla.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> checkClocks() {
        return checkFrom(null, Instant.now());
    }

    /**
     * Only incidents whose next SLA moment has come; one transaction per batch, so a large backlog never makes one
     * long transaction or event-loop turn. The cursor is taken before the checks move the incidents' next check.
     */
    private Uni<Void> checkFrom(IncidentRepository.DueCursor after, Instant now) {
        return Panache.withTransaction(() -> incidents.findDueForSlaCheck(now, after, BATCH).flatMap(batch -> {
            Incident last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
            IncidentRepository.DueCursor next = batch.size() < BATCH ? null
                    : new IncidentRepository.DueCursor(last.slaNextCheckAt, last.id);
            return IncidentService.chain(batch, incident -> {
                Uni<Void> response = incident.respondedAt != null ? Uni.createFrom().voidItem()
                        : check(incident, "RESPONSE", slaPolicy.responseClock(incident), incident.responseSlaAlert, now);
                return response.flatMap(ignored -> check(incident, "RESOLUTION", slaPolicy.resolutionClock(incident),
                        incident.resolutionSlaAlert, now))
                        .invoke(() -> slaPolicy.scheduleNextCheck(incident, now));
            }).replaceWith(next);
        })).flatMap(next -> next == null ? Uni.createFrom().voidItem() : checkFrom(next, now));
    }

    private Uni<Void> check(Incident incident, String clockName, SlaClock clock, String alreadyAlerted, Instant now) {
        SlaState state = clock.state(now);
        String alert = state == SlaState.BREACHED ? "BREACHED" : state == SlaState.AT_RISK ? "AT_RISK" : null;
        if (alert == null || alert.equals(alreadyAlerted)) {
            return Uni.createFrom().voidItem();
        }
        if ("RESPONSE".equals(clockName)) {
            incident.responseSlaAlert = alert;
        } else {
            incident.resolutionSlaAlert = alert;
        }
        if ("BREACHED".equals(alert)) {
            meters.counter("itsm.incident.sla.breaches", "clock", clockName, "priority", incident.priority.name())
                    .increment();
        }
        return events.publishSla(incident, clockName, alert, clock.dueAt(now));
    }

    @Scheduled(every = "${itsm.incident.auto-close-check-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> closeExpiredResolutions() {
        return incidentService.closeExpiredResolutions(SYSTEM).replaceWithVoid();
    }
}
