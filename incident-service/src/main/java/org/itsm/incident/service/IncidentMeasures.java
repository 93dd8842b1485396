package org.itsm.incident.service;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.api.Priority;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.domain.IncidentFigures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The practice's measures as Prometheus metrics: created and resolved counts per priority (this replica's work),
 * and the open backlog per priority, MTTR and SLA compliance (the whole database, refreshed from the summary query
 * the dashboards use, so both always agree).
 */
@ApplicationScoped
public class IncidentMeasures {

    private final Map<Priority, Counter> created = new EnumMap<>(Priority.class);
    private final Map<Priority, Counter> resolved = new EnumMap<>(Priority.class);
    private final Map<Priority, AtomicLong> openByPriority = new EnumMap<>(Priority.class);
    private final AtomicLong meanTimeToResolveSeconds = new AtomicLong();
    private final AtomicLong slaCompliancePermille = new AtomicLong(1000);
    private final IncidentRepository incidents;
    private final Clock clock;

    public IncidentMeasures(MeterRegistry meters, IncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
        for (Priority priority : Priority.values()) {
            created.put(priority, meters.counter("itsm.incidents.created", "priority", priority.name()));
            resolved.put(priority, meters.counter("itsm.incidents.resolved", "priority", priority.name()));
            AtomicLong open = new AtomicLong();
            openByPriority.put(priority, open);
            Gauge.builder("itsm.incidents.open", open, AtomicLong::get).tag("priority", priority.name())
                    .description("Open incidents (New, In Progress, On Hold)").register(meters);
        }
        Gauge.builder("itsm.incidents.mttr", meanTimeToResolveSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Mean time to resolve, over all resolved incidents").register(meters);
        Gauge.builder("itsm.incidents.sla.compliance", slaCompliancePermille, permille -> permille.get() / 1000.0)
                .description("Share of resolved incidents that met their resolution SLA (0..1)").register(meters);
    }

    public void created(Priority priority) {
        created.get(priority).increment();
    }

    public void resolved(Priority priority) {
        resolved.get(priority).increment();
    }

    @Scheduled(every = "${itsm.incident.measures-refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    public Uni<Void> refresh() {
        return incidents.figures(clock.instant().minus(Duration.ofDays(1))).invoke(this::update).replaceWithVoid();
    }

    private void update(IncidentFigures summary) {
        summary.openByPriority().forEach((priority, open) -> openByPriority.get(priority).set(open));
        meanTimeToResolveSeconds.set(Math.round(summary.meanTimeToResolveMinutes() * 60));
        slaCompliancePermille.set(Math.round(summary.slaCompliancePercent() * 10));
    }
}
