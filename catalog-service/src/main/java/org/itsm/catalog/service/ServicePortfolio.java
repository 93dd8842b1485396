package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.ServiceLifecycle;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.catalog.service.PortfolioCommands.EditService;
import org.itsm.catalog.service.PortfolioCommands.RegisterService;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The IT services of the portfolio: registering, editing (dependencies checked) and moving them through their
 * lifecycle ({@link ServiceLifecycle}). Each write is one transaction: change, history and outbox event.
 */
@ApplicationScoped
public class ServicePortfolio {

    static final String NUMBER_PREFIX = "SVC";

    private final ItServiceRepository services;
    private final PortfolioRecords records;
    private final ServiceOfferings offerings;
    private final ServiceRequestRepository requests;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final CatalogEventPublisher events;
    private final Clock clock;

    public ServicePortfolio(ItServiceRepository services, PortfolioRecords records, ServiceOfferings offerings,
            ServiceRequestRepository requests, NumberSequence numbers, RecordHistory history,
            IdempotencyKeys idempotencyKeys, CatalogEventPublisher events, Clock clock) {
        this.services = services;
        this.records = records;
        this.offerings = offerings;
        this.requests = requests;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Created<ItService>> register(RegisterService command, Actor actor, String idempotencyKey) {
        return Created.once(idempotencyKeys, actor, idempotencyKey, command, () -> insert(command, actor),
                services::findById);
    }

    private Uni<UUID> insert(RegisterService command, Actor actor) {
        Instant now = Instant.now(clock);
        ItService service = new ItService();
        service.id = UUID.randomUUID();
        service.name = command.name().strip();
        service.description = command.description();
        service.type = command.type();
        service.owner = command.owner();
        service.supportGroup = command.supportGroup();
        service.criticality = command.criticality() == null ? Criticality.MEDIUM : command.criticality();
        service.serviceVersion = command.version();
        service.dependsOn = distinct(command.dependsOn());
        service.lifecycle = Lifecycle.PIPELINE;
        service.createdAt = now;
        service.updatedAt = now;
        return checkDependencies(service)
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    service.number = number;
                    return services.persist(service);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), List.of(
                        FieldChange.of("lifecycle", null, saved.lifecycle),
                        FieldChange.of("version", null, saved.serviceVersion))))
                .flatMap(ignored -> events.service(EventTypes.CATALOG_SERVICE_CREATED, service, null))
                .map(ignored -> service.id);
    }

    @WithTransaction
    public Uni<ItService> edit(UUID id, String ifMatch, EditService command, Actor actor) {
        return records.service(id).flatMap(service -> {
            ETags.requireCurrent(ifMatch, service.version);
            String refusal = ServiceLifecycle.editRefusal(service.number, service.lifecycle);
            if (refusal != null) {
                throw ApiProblem.conflict(refusal);
            }
            FieldEdits edits = new FieldEdits();
            edits.set("name", command.name() == null ? null : command.name().strip(), service.name,
                    name -> service.name = name);
            edits.set("description", command.description(), service.description,
                    description -> service.description = description);
            edits.set("type", command.type(), service.type, type -> service.type = type);
            edits.set("owner", command.owner(), service.owner, owner -> service.owner = owner);
            edits.set("supportGroup", command.supportGroup(), service.supportGroup,
                    group -> service.supportGroup = group);
            edits.set("criticality", command.criticality(), service.criticality,
                    criticality -> service.criticality = criticality);
            edits.set("version", command.version(), service.serviceVersion,
                    version -> service.serviceVersion = version);
            edits.set("dependsOn", command.dependsOn() == null ? null : distinct(command.dependsOn()),
                    service.dependsOn, dependsOn -> service.dependsOn = dependsOn);
            if (edits.isEmpty()) {
                return Uni.createFrom().item(service);
            }
            service.updatedAt = Instant.now(clock);
            return checkDependencies(service)
                    .flatMap(ignored -> history.record(service.id, actor.name(), edits.changes()))
                    .flatMap(ignored -> events.service(EventTypes.CATALOG_SERVICE_UPDATED, service, null))
                    .map(ignored -> service);
        });
    }

    /** An explicit lifecycle action: go-live or retire (409 naming the allowed ones, or the open requests). */
    @WithTransaction
    public Uni<ItService> move(UUID id, String ifMatch, String action, Actor actor) {
        return records.service(id).flatMap(service -> {
            ETags.requireCurrent(ifMatch, service.version);
            Lifecycle target = ServiceLifecycle.apply(service.lifecycle, action);
            return requests.openRequestsOfServices(List.of(service.id)).flatMap(open -> {
                String refusal = ServiceLifecycle.refusal(service.number, target, open.get(service.id));
                if (refusal != null) {
                    throw ApiProblem.conflict(refusal);
                }
                return moveLifecycle(service, target, actor.name(), null);
            }).map(ignored -> service);
        });
    }

    /**
     * Moves the lifecycle, records it and publishes it; shared by the actions and change updates. A retired
     * service's active offerings retire with it ({@link ServiceLifecycle#retiresOfferings}), each recorded and
     * published, so no active offering (nor an item ordered through one) outlives its service.
     */
    Uni<Void> moveLifecycle(ItService service, Lifecycle target, String actor, String changeNumber) {
        Lifecycle before = service.lifecycle;
        service.lifecycle = target;
        service.updatedAt = Instant.now(clock);
        String type = target == Lifecycle.RETIRED ? EventTypes.CATALOG_SERVICE_RETIRED
                : EventTypes.CATALOG_SERVICE_LIFECYCLE_CHANGED;
        Uni<Void> offeringsRetired = ServiceLifecycle.retiresOfferings(target)
                ? offerings.retireActive(service, actor) : Uni.createFrom().voidItem();
        return history.record(service.id, actor, List.of(FieldChange.of("lifecycle", before, target)))
                .flatMap(ignored -> offeringsRetired)
                .flatMap(ignored -> events.service(type, service, changeNumber));
    }

    private Uni<Void> checkDependencies(ItService service) {
        if (service.dependsOn.contains(service.id)) {
            throw ApiProblem.invalidField("dependsOn", "a service cannot depend on itself");
        }
        return services.findByIds(service.dependsOn).invoke(found -> {
            List<UUID> known = found.stream().map(candidate -> candidate.id).toList();
            List<FieldError> errors = new ArrayList<>();
            for (int index = 0; index < service.dependsOn.size(); index++) {
                UUID needed = service.dependsOn.get(index);
                if (!known.contains(needed)) {
                    errors.add(new FieldError("dependsOn[" + index + "]", "no catalog service " + needed));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.invalidFields(errors);
            }
        }).replaceWithVoid();
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }
}
