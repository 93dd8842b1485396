package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Priority;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAccess;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.problem.service.ProblemCommands.NewProblem;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Raising problems: by a person (agents propose them unassigned, optionally linking incidents under the link rule)
 * or by recurring-incident detection (a candidate). Each new problem is numbered, recorded in its history and
 * evented in one transaction.
 */
@ApplicationScoped
public class ProblemRegistration {

    static final String NUMBER_PREFIX = "PRB";

    private final ProblemRepository problems;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final ProblemEventPublisher events;
    private final CatalogReplica catalog;
    private final IncidentLinks links;
    private final Clock clock;
    private final ProblemAccess access = new ProblemAccess();

    public ProblemRegistration(ProblemRepository problems, NumberSequence numbers, RecordHistory history,
            IdempotencyKeys idempotencyKeys, ProblemEventPublisher events, CatalogReplica catalog,
            IncidentLinks links, Clock clock) {
        this.problems = problems;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
    }

    /** Result of a create: the problem and whether this call created it (201) or replays an earlier one. */
    public record Created(Problem problem, boolean isNew) {
    }

    /**
     * Raises a problem once per {@code idempotencyKey}: a retry with the same key and command returns
     * the first result.
     */
    @WithTransaction
    public Uni<Created> create(NewProblem command, ProblemAccess.Caller caller, String idempotencyKey) {
        access.assignmentRefusal(caller, command.assignee(), command.assignmentGroup()).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
        Actor actor = new Actor(caller.name());
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, command, () -> insert(command, actor))
                .flatMap(outcome -> problems.findById(outcome.id())
                        .map(problem -> new Created(problem, !outcome.replayed())));
    }

    private Uni<UUID> insert(NewProblem command, Actor actor) {
        Problem problem = newProblem(command.statement().strip(), command.description(), command.serviceId(),
                command.category(), command.impact(), command.urgency(), ProblemSource.MANUAL, actor);
        problem.assignmentGroup = command.assignmentGroup();
        problem.assignee = command.assignee();
        List<String> incidents = command.incidentNumbers() == null ? List.of()
                : command.incidentNumbers().stream().distinct().toList();
        return catalog.requireAdmitted(problem.serviceId)
                .flatMap(ignored -> links.requireLinkable(problem.id, incidents, "incidentNumbers"))
                .flatMap(ignored -> persistNew(problem, actor, EventTypes.PROBLEM_CREATED))
                .flatMap(saved -> links.linkAll(saved, incidents, actor))
                .map(ignored -> problem.id);
    }

    /** A new problem in state New, not yet numbered or stored. */
    Problem newProblem(String statement, String description, UUID serviceId, String category, int impact,
            int urgency, ProblemSource source, Actor actor) {
        Instant now = clock.instant();
        Problem problem = new Problem();
        problem.id = UUID.randomUUID();
        problem.statement = statement;
        problem.description = description;
        problem.serviceId = serviceId;
        problem.category = category;
        problem.impact = impact;
        problem.urgency = urgency;
        problem.priority = Priority.of(impact, urgency);
        problem.state = ProblemState.NEW;
        problem.source = source;
        problem.createdBy = actor.name();
        problem.createdAt = now;
        problem.updatedAt = now;
        return problem;
    }

    /** Numbers and stores a new problem, with its history and its creation event. */
    Uni<Problem> persistNew(Problem problem, Actor actor, String eventType) {
        return catalog.defaultAssignmentGroup(problem)
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    problem.number = number;
                    return problems.persistAndFlush(problem);
                })
                .flatMap(saved -> {
                    FieldEdits created = new FieldEdits();
                    created.record("state", null, saved.state);
                    created.record("priority", null, saved.priority);
                    created.record("source", null, saved.source);
                    return history.record(saved.id, actor.name(), created.changes());
                })
                .flatMap(ignored -> events.publish(eventType, problem, List.of()))
                .map(ignored -> problem);
    }
}
