package org.itsm.problem.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;


import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Problem management's measures as Prometheus gauges, refreshed from the summary query the dashboards use so
 * both always agree: open problems, known errors, incidents linked to known errors, mean time to root cause.
 */
@ApplicationScoped
public class ProblemMeasures {

    private final ProblemQueries queries;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong knownErrors = new AtomicLong();
    private final AtomicLong incidentsLinkedToKnownErrors = new AtomicLong();
    private final AtomicLong meanTimeToRootCauseSeconds = new AtomicLong();

    public ProblemMeasures(MeterRegistry meters, ProblemQueries queries) {
        this.queries = queries;
        Gauge.builder("itsm.problems.open", open, AtomicLong::get)
                .description("Open problems (New to Fix in Progress)").register(meters);
        Gauge.builder("itsm.problems.known.errors", knownErrors, AtomicLong::get)
                .description("Published known errors of problems not cancelled").register(meters);
        Gauge.builder("itsm.problems.known.errors.incidents", incidentsLinkedToKnownErrors, AtomicLong::get)
                .description("Incidents linked to problems with a published known error").register(meters);
        Gauge.builder("itsm.problems.root.cause.time", meanTimeToRootCauseSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Mean time from problem creation to identified root cause")
                .register(meters);
    }

    @Scheduled(every = "${itsm.problem.measures-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return queries.summary().invoke(this::update).replaceWithVoid();
    }

    private void update(ProblemQueries.Figures summary) {
        open.set(summary.open());
        knownErrors.set(summary.knownErrors());
        incidentsLinkedToKnownErrors.set(summary.incidentsLinkedToKnownErrors());
        meanTimeToRootCauseSeconds.set(Math.round(summary.meanTimeToRootCauseHours() * 3600));
    }
}
