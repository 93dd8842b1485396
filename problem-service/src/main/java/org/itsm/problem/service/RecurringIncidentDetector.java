package org.itsm.problem.service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.problem.config.ProblemConfig;
import org.itsm.problem.domain.ObservedIncident;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.RecurrencePolicy;
import org.itsm.problem.domain.RecurrencePolicy.Report;
import org.itsm.problem.repository.ObservedIncidentRepository;
import org.itsm.problem.repository.ProblemLinkRepository;
import org.itsm.problem.repository.ProblemRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Recurring-incident detection. Every incident event updates the incident read model; an incident with a service
 * and a category (not cancelled) joins the open problem covering them, or — when enough uncovered incidents of that
 * service and category were reported within the window, whatever their state now (RecurrencePolicy) — opens a
 * problem candidate linking them all.
 *
 * <p>Runs in the consumer's transaction. A transaction-scoped advisory lock per service and category serialises
 * detection across consumers and replicas, and a partial unique index allows one open candidate per service and
 * category, so concurrent or redelivered events never open a second candidate.
 */
@ApplicationScoped
public class RecurringIncidentDetector {

    /** A pattern deserves analysis but is no outage by itself: impact 2, urgency 2 (P3). */
    static final int CANDIDATE_IMPACT = 2;
    static final int CANDIDATE_URGENCY = 2;

    private final ObservedIncidentRepository observed;
    private final ProblemRepository problems;
    private final ProblemLinkRepository links;
    private final ProblemRegistration registration;
    private final IncidentLinks incidentLinks;
    private final RecurrencePolicy policy;
    private final Counter candidatesDetected;
    private final Clock clock;

    public RecurringIncidentDetector(ObservedIncidentRepository observed, ProblemRepository problems,
            ProblemLinkRepository links, ProblemRegistration registration, IncidentLinks incidentLinks,
            ProblemConfig config, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.observed = observed;
        this.problems = problems;
        this.links = links;
        this.registration = registration;
        this.incidentLinks = incidentLinks;
        this.policy = new RecurrencePolicy(config.detection().threshold(), config.detection().window());
        this.candidatesDetected = meters.counter("itsm.problems.candidates.detected");
    }

    /**
     * Applies one incident event; must run inside a transaction. Detection looks at an incident when it is first
     * seen, moves to another service or category, or opens again; ordinary updates leave its links alone (so an
     * incident a problem manager unlinked stays unlinked). The time that counts for the window is when the
     * incident was reported: the time of the first event seen of it (its created event).
     */
    public Uni<Void> observe(IncidentEvent event) {
        ObservedIncident incident = new ObservedIncident();
        incident.number = event.number();
        incident.id = event.id();
        incident.serviceId = event.serviceId();
        incident.category = event.category() == null || event.category().isBlank() ? null : event.category();
        incident.state = event.state();
        incident.reportedAt = event.occurredAt() != null ? event.occurredAt() : clock.instant();
        incident.updatedAt = incident.reportedAt;
        return observed.find(incident.number).flatMap(known -> {
            boolean patternChanged = known == null || !Objects.equals(known.serviceId, incident.serviceId)
                    || !Objects.equals(known.category, incident.category) || !known.isOpen() && incident.isOpen();
            if (known != null) {
                // the first report's time is what counts for the window
                incident.reportedAt = known.reportedAt;
            }
            return observed.save(incident).flatMap(ignored -> {
                if (!patternChanged || incident.serviceId == null || incident.category == null
                        || !RecurrencePolicy.counts(incident.state)) {
                    return Uni.createFrom().voidItem();
                }
                return observed.lockPattern(incident.serviceId, incident.category)
                        .flatMap(locked -> detect(incident));
            });
        });
    }

    private Uni<Void> detect(ObservedIncident incident) {
        return links.openProblemOf(incident.number).flatMap(linkedTo -> {
            if (linkedTo != null) {
                return Uni.createFrom().voidItem();
            }
            return problems.findOpenCovering(incident.serviceId, incident.category).flatMap(covering -> covering != null
                    ? incidentLinks.linkAll(covering, List.of(incident.number), Actor.DETECTION).replaceWithVoid()
                    : openCandidateIfRecurring(incident));
        });
    }

    private Uni<Void> openCandidateIfRecurring(ObservedIncident incident) {
        Report latest = new Report(incident.number, incident.reportedAt, incident.state);
        return observed.uncoveredReports(incident.serviceId, incident.category,
                policy.searchFrom(incident.reportedAt), policy.searchUntil(incident.reportedAt))
                .flatMap(reports -> {
                    List<Report> recurring = policy.recurring(latest, reports);
                    if (recurring.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Problem candidate = registration.newProblem(
                            "Recurring incidents: " + incident.category + " (" + recurring.size() + " within "
                                    + "the detection window)",
                            "Opened by recurring-incident detection: " + recurring.size() + " incidents of category "
                                    + incident.category + " on service " + incident.serviceId + " since "
                                    + recurring.get(0).reportedAt() + ".",
                            incident.serviceId, incident.category, CANDIDATE_IMPACT, CANDIDATE_URGENCY,
                            ProblemSource.DETECTED, Actor.DETECTION);
                    return registration.persistNew(candidate, Actor.DETECTION, EventTypes.PROBLEM_CANDIDATE_DETECTED)
                            .flatMap(saved -> incidentLinks.linkAll(saved,
                                    recurring.stream().map(Report::incidentNumber).toList(), Actor.DETECTION))
                            .invoke(ignored -> candidatesDetected.increment())
                            .replaceWithVoid();
                });
    }
}
