package org.itsm.change.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.Outcome;
import org.itsm.change.service.ChangeQueries.Summary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The practice's measures as Prometheus metrics: created per type and closed per outcome (this replica's work), and
 * changes by state, success rate, emergency ratio and mean lead time (the whole database, from the same summary query
 * the REST summary answers, refreshed on a schedule by {@link ChangeQueries}).
 */
@ApplicationScoped
public class ChangeMeasures {

    private final Map<ChangeType, Counter> created = new EnumMap<>(ChangeType.class);
    private final Map<Outcome, Counter> closed = new EnumMap<>(Outcome.class);
    private final Map<ChangeState, AtomicLong> byState = new EnumMap<>(ChangeState.class);
    private final AtomicLong successPermille = new AtomicLong(1000);
    private final AtomicLong emergencyPermille = new AtomicLong();
    private final AtomicLong leadTimeSeconds = new AtomicLong();

    public ChangeMeasures(MeterRegistry meters) {
        for (ChangeType type : ChangeType.values()) {
            created.put(type, meters.counter("itsm.changes.created", "type", type.name()));
        }
        for (Outcome outcome : Outcome.values()) {
            closed.put(outcome, meters.counter("itsm.changes.closed", "outcome", outcome.name()));
        }
        for (ChangeState state : ChangeState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("itsm.changes.state", count, AtomicLong::get).tag("state", state.name())
                    .description("Changes per state").register(meters);
        }
        Gauge.builder("itsm.changes.success.rate", successPermille, permille -> permille.get() / 1000.0)
                .description("Successful changes among those with an outcome (0..1)").register(meters);
        Gauge.builder("itsm.changes.emergency.ratio", emergencyPermille, permille -> permille.get() / 1000.0)
                .description("Emergency changes among all changes (0..1)").register(meters);
        Gauge.builder("itsm.changes.lead.time", leadTimeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Mean time from creation to close").register(meters);
    }

    public void created(ChangeType type) {
        created.get(type).increment();
    }

    public void closed(Outcome outcome) {
        if (outcome != null) {
            closed.get(outcome).increment();
        }
    }

    void refresh(Summary summary) {
        byState.forEach((state, count) -> count.set(summary.byState().getOrDefault(state, 0L)));
        successPermille.set(Math.round(summary.successRate() * 1000));
        emergencyPermille.set(Math.round(summary.emergencyRatio() * 1000));
        leadTimeSeconds.set(Math.round(summary.meanLeadTimeHours() * 3600));
    }
}
