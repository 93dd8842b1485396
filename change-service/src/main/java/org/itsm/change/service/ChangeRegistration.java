package org.itsm.change.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeAccess;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.WindowRules;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.change.service.ChangeCommands.NewChange;
import org.itsm.events.EventTypes;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Raising a change: one transaction for the change, its number, its first history and its created event. */
@ApplicationScoped
public class ChangeRegistration {

    static final String NUMBER_PREFIX = "CHG";

    private final ChangeRepository changes;
    private final ChangeValidation validation;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final ChangeEventPublisher events;
    private final ChangeMeasures measures;
    private final Clock clock;

    public ChangeRegistration(ChangeRepository changes, ChangeValidation validation, NumberSequence numbers,
            RecordHistory history, IdempotencyKeys idempotencyKeys, ChangeEventPublisher events,
            ChangeMeasures measures, Clock clock) {
        this.changes = changes;
        this.validation = validation;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.measures = measures;
        this.clock = clock;
    }

    /** Result of a create: the change and whether it is new (201) or the replay of an earlier request (200). */
    public record Created(ChangeRequest change, boolean isNew) {
    }

    /** Raises a change once per {@code idempotencyKey}: a retry with the same key and command returns the first one. */
    @WithTransaction
    public Uni<Created> create(NewChange command, Actor actor, String idempotencyKey) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, command, () -> insert(command, actor))
                .flatMap(outcome -> changes.findById(outcome.id())
                        .map(change -> new Created(change, !outcome.replayed())));
    }

    private Uni<UUID> insert(NewChange command, Actor actor) {
        Instant now = clock.instant();
        ChangeRequest change = new ChangeRequest();
        change.id = UUID.randomUUID();
        change.type = command.type();
        change.state = ChangeState.NEW;
        change.title = command.title().strip();
        change.description = command.description();
        change.justification = command.justification();
        change.affectedServiceIds = distinct(command.affectedServiceIds());
        change.affectedOfferingIds = distinct(command.affectedOfferingIds());
        change.plannedStart = command.plannedStart();
        change.plannedEnd = command.plannedEnd();
        change.implementationPlan = command.implementationPlan();
        change.backoutPlan = command.backoutPlan();
        change.testPlan = command.testPlan();
        change.requester = actor.name();
        change.changeManager = command.changeManager();
        change.implementer = command.implementer();
        change.templateId = command.templateId();
        change.problemNumber = command.problemNumber();
        change.catalogUpdate = events.catalogUpdateJson(command.catalogUpdate());
        ChangeRisk.setAnswers(change, command.risk());
        change.createdAt = now;
        change.updatedAt = now;
        if (change.changeManager != null || change.implementer != null) {
            ChangeAccess.assignmentRefusal(actor.who()).ifPresent(refusal -> {
                throw ApiProblem.forbidden(refusal);
            });
        }
        ChangeAccess.implementerRefusal(change.implementer, ChangeLookup.facts(change, Set.of()))
                .ifPresent(refusal -> {
                    throw ApiProblem.forbidden(refusal);
                });
        WindowRules.planRefusal(change.window(), now).ifPresent(refusal -> {
            throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedStart", refusal)));
        });
        return validation.validate(change, true)
                .flatMap(ignored -> validation.applyTemplate(change))
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    change.number = number;
                    return changes.persist(change);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), List.of(
                        FieldChange.of("state", null, saved.state), FieldChange.of("type", null, saved.type))))
                .flatMap(ignored -> events.publish(EventTypes.CHANGE_CREATED, change))
                .invoke(() -> measures.created(change.type))
                .map(ignored -> change.id);
    }

    /** The ids once each, in the order given; none for null. */
    static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }
}
