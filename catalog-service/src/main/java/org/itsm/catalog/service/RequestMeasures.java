package org.itsm.catalog.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.repository.ServiceRequestRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Request fulfilment as Prometheus metrics: submitted and fulfilled counts (this replica's work), and requests by
 * state, mean fulfilment time and mean promised time (the whole database, refreshed from the summary query).
 */
@ApplicationScoped
public class RequestMeasures {

    private final Counter submitted;
    private final Counter fulfilled;
    private final Map<RequestState, AtomicLong> byState = new EnumMap<>(RequestState.class);
    private final AtomicLong meanFulfilmentSeconds = new AtomicLong();
    private final AtomicLong meanExpectedSeconds = new AtomicLong();
    private final ServiceRequestRepository requests;

    public RequestMeasures(MeterRegistry meters, ServiceRequestRepository requests) {
        this.requests = requests;
        submitted = meters.counter("itsm.requests.submitted");
        fulfilled = meters.counter("itsm.requests.fulfilled");
        for (RequestState state : RequestState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("itsm.requests", count, AtomicLong::get).tag("state", state.name())
                    .description("Service requests by state").register(meters);
        }
        Gauge.builder("itsm.requests.fulfilment.mean", meanFulfilmentSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Mean time from submission to fulfilment").register(meters);
        Gauge.builder("itsm.requests.fulfilment.expected.mean", meanExpectedSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Mean delivery time the fulfilled items promised").register(meters);
    }

    public void submitted() {
        submitted.increment();
    }

    public void fulfilled() {
        fulfilled.increment();
    }

    @Scheduled(every = "${itsm.catalog.measures-refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    public Uni<Void> refresh() {
        return requests.figures().invoke(this::update).replaceWithVoid();
    }

    void update(RequestFigures figures) {
        figures.byState().forEach((state, count) -> byState.get(state).set(count));
        meanFulfilmentSeconds.set(Math.round(figures.meanFulfilmentHours() * 3600));
        meanExpectedSeconds.set(Math.round(figures.meanExpectedHours() * 3600));
    }
}
