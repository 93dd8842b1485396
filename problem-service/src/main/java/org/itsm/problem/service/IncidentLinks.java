package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.ProblemType;
import org.itsm.problem.domain.IncidentLinkRule;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.ObservedIncidentRepository;
import org.itsm.problem.repository.ProblemLinkRepository;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Links between problems and incidents: a person's link (IncidentLinkRule, under per-incident advisory locks), the
 * links detection makes, and unlinking. An incident belongs to one open problem; each change of the links is counted,
 * recorded in the history and evented to incident-service.
 */
@ApplicationScoped
public class IncidentLinks {

    private final ProblemLookup lookup;
    private final ProblemLinkRepository links;
    private final ObservedIncidentRepository observed;
    private final RecordHistory history;
    private final ProblemEventPublisher events;
    private final Clock clock;
    private final IncidentLinkRule linkRule = new IncidentLinkRule();

    public IncidentLinks(ProblemLookup lookup, ProblemLinkRepository links, ObservedIncidentRepository observed,
            RecordHistory history, ProblemEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.links = links;
        this.observed = observed;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** Result of a link: the problem and whether the incident was newly linked (201) or already was (200). */
    public record Linked(Problem problem, boolean isNew) {
    }

    @WithTransaction
    public Uni<Linked> link(UUID id, String incidentNumber, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ProblemGuards.requireAllowed(problem, ProblemAction.LINK_INCIDENT);
            return requireLinkable(problem.id, List.of(incidentNumber), "incidentNumber").flatMap(ignored -> {
                int before = problem.incidentCount;
                return linkAll(problem, List.of(incidentNumber), actor)
                        .map(linked -> new Linked(linked, linked.incidentCount > before));
            });
        });
    }

    /**
     * The rule of every link a person asks for, on create and on link alike (IncidentLinkRule): the incidents are
     * known to problem management and not cancelled (422 naming them under {@code field}), and in no other open
     * problem (409). Takes the incidents' link locks first, so the answer holds until the transaction ends.
     */
    Uni<Void> requireLinkable(UUID problemId, List<String> incidentNumbers, String field) {
        if (incidentNumbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return links.lockIncidents(incidentNumbers)
                .flatMap(locked -> observed.statesOf(incidentNumbers))
                .flatMap(states -> links.otherOpenProblemsOf(incidentNumbers, problemId)
                        .invoke(elsewhere -> {
                            IncidentLinkRule.Verdict verdict = linkRule.judge(incidentNumbers, states, elsewhere);
                            if (verdict.unprocessable()) {
                                throw new ApiProblem(ProblemType.UNPROCESSABLE,
                                        String.join("; ", verdict.messages()), verdict.messages().stream()
                                                .map(message -> new ProblemDetail.FieldError(field, message)).toList(),
                                        null);
                            }
                            if (!verdict.inOtherOpenProblem().isEmpty()) {
                                throw ApiProblem.conflict(verdict.conflict());
                            }
                        }))
                .replaceWithVoid();
    }

    /**
     * Links the incidents not linked yet, counts them, and publishes one incident-linked event naming them (the
     * event lists every linked incident, as incident-service records the problem on each). Under the incidents' link
     * locks, an incident another open problem holds is never linked (detection skips it; a person's request was
     * refused before). Runs in the caller's transaction.
     */
    Uni<Problem> linkAll(Problem problem, List<String> incidentNumbers, Actor actor) {
        Instant now = clock.instant();
        List<String> added = new ArrayList<>();
        return links.lockIncidents(incidentNumbers)
                .flatMap(locked -> links.otherOpenProblemsOf(incidentNumbers, problem.id))
                .flatMap(elsewhere -> Unis.chain(incidentNumbers.stream()
                        .filter(number -> !elsewhere.containsKey(number)).toList(),
                        number -> links.link(problem.id, number, actor.name(), now).invoke(inserted -> {
                            if (inserted) {
                                added.add(number);
                            }
                        })))
                .flatMap(ignored -> {
                    if (added.isEmpty()) {
                        return Uni.createFrom().item(problem);
                    }
                    int before = problem.incidentCount;
                    problem.incidentCount += added.size();
                    problem.updatedAt = now;
                    FieldEdits linked = new FieldEdits();
                    added.forEach(number -> linked.record("linkedIncident", null, number));
                    linked.record("incidentCount", before, problem.incidentCount);
                    return history.record(problem.id, actor.name(), linked.changes())
                            .flatMap(recorded -> events.publishLinkChange(EventTypes.PROBLEM_INCIDENT_LINKED,
                                    problem, List.copyOf(added)))
                            .map(published -> problem);
                });
    }

    @WithTransaction
    public Uni<Problem> unlink(UUID id, String incidentNumber, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ProblemGuards.requireAllowed(problem, ProblemAction.UNLINK_INCIDENT);
            return links.unlink(problem.id, incidentNumber).flatMap(removed -> {
                if (!removed) {
                    throw ApiProblem.notFound("Link to incident", incidentNumber);
                }
                int before = problem.incidentCount;
                problem.incidentCount--;
                problem.updatedAt = clock.instant();
                FieldEdits unlinked = new FieldEdits();
                unlinked.record("linkedIncident", incidentNumber, null);
                unlinked.record("incidentCount", before, problem.incidentCount);
                return history.record(problem.id, actor.name(), unlinked.changes())
                        .flatMap(recorded -> events.publishLinkChange(EventTypes.PROBLEM_INCIDENT_UNLINKED, problem,
                                List.of(incidentNumber)))
                        .map(published -> problem);
            });
        });
    }
}
