package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.support.reactive.Unis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Finds SLA clocks that crossed the at-risk or breached line and has {@link SlaAlerts} mark them (the event once per
 * crossing). Concurrent replicas are harmless: the incident's version makes one of them win.
 */
@ApplicationScoped
public class SlaMonitor {

    private static final Actor SYSTEM = new Actor("system", Set.of(), Set.of());
    private static final int BATCH = 200;

    private final IncidentRepository incidents;
    private final SlaPolicy slaPolicy;
    private final SlaAlerts slaAlerts;
    private final IncidentMoves moves;
    private final Clock clock;

    public SlaMonitor(IncidentRepository incidents, SlaPolicy slaPolicy, SlaAlerts slaAlerts,
            IncidentMoves moves, Clock clock) {
        this.incidents = incidents;
        this.slaPolicy = slaPolicy;
        this.slaAlerts = slaAlerts;
        this.moves = moves;
        this.clock = clock;
    }

    @Scheduled(every = "${itsm.incident.sla.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> checkClocks() {
        return checkFrom(null, clock.instant());
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
            return Unis.chain(batch, incident -> slaAlerts.check(incident, now)
                    .invoke(() -> slaPolicy.scheduleNextCheck(incident, now))).replaceWith(next);
        })).flatMap(next -> next == null ? Uni.createFrom().voidItem() : checkFrom(next, now));
    }

    @Scheduled(every = "${itsm.incident.auto-close-check-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> closeExpiredResolutions() {
        return moves.closeExpiredResolutions(SYSTEM).replaceWithVoid();
    }
}
