package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.OfferingLifecycle;
import org.itsm.catalog.domain.ServiceLifecycle;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.WindowRules;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.service.PortfolioCommands.AddOffering;
import org.itsm.catalog.service.PortfolioCommands.EditOffering;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.change.CatalogUpdateRules;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The offerings of a service: SLA targets, business hours, windows and the default offering (at most one per
 * service); retiring ({@link OfferingLifecycle}). Changes' catalog updates add offerings and replace SLA targets
 * through here too. Each write is one transaction: change, history and outbox event.
 */
@ApplicationScoped
public class ServiceOfferings {

    private final OfferingRepository offerings;
    private final PortfolioRecords records;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final CatalogEventPublisher events;
    private final Clock clock;

    public ServiceOfferings(OfferingRepository offerings, PortfolioRecords records, RecordHistory history,
            IdempotencyKeys idempotencyKeys, CatalogEventPublisher events, Clock clock) {
        this.offerings = offerings;
        this.records = records;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Created<ServiceOffering>> add(UUID serviceId, AddOffering command, Actor actor,
            String idempotencyKey) {
        // the service is part of what the key stands for: the same offering for another service is another request
        return Created.once(idempotencyKeys, actor, idempotencyKey, new OfferingOfService(serviceId, command),
                () -> insert(serviceId, command, actor), offerings::findById);
    }

    private record OfferingOfService(UUID serviceId, AddOffering offering) {
    }

    private Uni<UUID> insert(UUID serviceId, AddOffering command, Actor actor) {
        return records.service(serviceId).flatMap(service -> {
            String refusal = ServiceLifecycle.newOfferingRefusal(service.number, service.lifecycle);
            if (refusal != null) {
                throw ApiProblem.conflict(refusal);
            }
            ServiceOffering offering = newOffering(service, command.name().strip());
            if (command.supportGroup() != null) {
                offering.supportGroup = command.supportGroup();
            }
            offering.slaTargets = command.slaTargets() == null ? List.of() : command.slaTargets();
            offering.businessHours = command.businessHours();
            offering.maintenanceWindows = windows("maintenanceWindows", command.maintenanceWindows());
            offering.blackoutWindows = windows("blackoutWindows", command.blackoutWindows());
            checkOffering(offering);
            boolean makeDefault = Boolean.TRUE.equals(command.defaultOffering());
            Uni<Void> previousDefault = makeDefault ? clearOtherDefaults(service, offering, actor.name())
                    : Uni.createFrom().voidItem();
            return previousDefault
                    .flatMap(ignored -> {
                        offering.defaultOffering = makeDefault;
                        return offerings.persist(offering);
                    })
                    .flatMap(saved -> history.record(saved.id, actor.name(),
                            List.of(FieldChange.of("status", null, saved.status),
                                    FieldChange.of("defaultOffering", null, saved.defaultOffering ? true : null))))
                    .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_CREATED, offering, service.number))
                    .map(ignored -> offering.id);
        });
    }

    /** An offering a change's catalog update adds: named only, on the service's support group, no targets yet. */
    Uni<Void> addForChange(ItService service, String name, String changeNumber) {
        ServiceOffering offering = newOffering(service, name);
        offering.slaTargets = List.of();
        offering.maintenanceWindows = List.of();
        offering.blackoutWindows = List.of();
        return offerings.persist(offering)
                .flatMap(saved -> history.record(saved.id, changeNumber,
                        List.of(FieldChange.of("status", null, saved.status))))
                .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_CREATED, offering, service.number));
    }

    private ServiceOffering newOffering(ItService service, String name) {
        ServiceOffering offering = new ServiceOffering();
        offering.id = UUID.randomUUID();
        offering.serviceId = service.id;
        offering.name = name;
        offering.status = OfferingStatus.ACTIVE;
        offering.supportGroup = service.supportGroup;
        offering.createdAt = Instant.now(clock);
        offering.updatedAt = offering.createdAt;
        return offering;
    }

    @WithTransaction
    public Uni<ServiceOffering> edit(UUID serviceId, UUID offeringId, String ifMatch, EditOffering command,
            Actor actor) {
        return records.service(serviceId).flatMap(service -> records.offering(serviceId, offeringId)
                .flatMap(offering -> {
                    ETags.requireCurrent(ifMatch, offering.version);
                    String refusal = OfferingLifecycle.editRefusal(offering.name, offering.status);
                    if (refusal != null) {
                        throw ApiProblem.conflict(refusal);
                    }
                    FieldEdits edits = new FieldEdits();
                    edits.set("name", command.name() == null ? null : command.name().strip(), offering.name,
                            name -> offering.name = name);
                    edits.set("supportGroup", command.supportGroup(), offering.supportGroup,
                            group -> offering.supportGroup = group);
                    edits.set("slaTargets", command.slaTargets(), offering.slaTargets,
                            targets -> offering.slaTargets = targets);
                    edits.set("businessHours", command.businessHours(), offering.businessHours,
                            hours -> offering.businessHours = hours);
                    edits.set("maintenanceWindows", command.maintenanceWindows() == null ? null
                            : windows("maintenanceWindows", command.maintenanceWindows()),
                            offering.maintenanceWindows, windows -> offering.maintenanceWindows = windows);
                    edits.set("blackoutWindows", command.blackoutWindows() == null ? null
                            : windows("blackoutWindows", command.blackoutWindows()),
                            offering.blackoutWindows, windows -> offering.blackoutWindows = windows);
                    checkOffering(offering);
                    Uni<Void> defaults = Uni.createFrom().voidItem();
                    if (command.defaultOffering() != null && command.defaultOffering() != offering.defaultOffering) {
                        boolean makeDefault = command.defaultOffering();
                        edits.record("defaultOffering", offering.defaultOffering, makeDefault);
                        defaults = (makeDefault ? clearOtherDefaults(service, offering, actor.name())
                                : Uni.createFrom().voidItem()).invoke(() -> offering.defaultOffering = makeDefault);
                    }
                    if (edits.isEmpty()) {
                        return Uni.createFrom().item(offering);
                    }
                    offering.updatedAt = Instant.now(clock);
                    return defaults.flatMap(ignored -> history.record(offering.id, actor.name(), edits.changes()))
                            .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, offering,
                                    service.number))
                            .map(ignored -> offering);
                }));
    }

    /** A change's catalog update replaces the offering's SLA targets (recorded with the change as actor). */
    Uni<Void> replaceTargets(ItService service, ServiceOffering offering, List<SlaTarget> targets,
            String changeNumber) {
        List<SlaTarget> before = offering.slaTargets;
        offering.slaTargets = targets;
        offering.updatedAt = Instant.now(clock);
        return history.record(offering.id, changeNumber, List.of(FieldChange.of("slaTargets", before, targets)))
                .flatMap(recorded -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, offering, service.number));
    }

    @WithTransaction
    public Uni<ServiceOffering> retire(UUID serviceId, UUID offeringId, String ifMatch, Actor actor) {
        return records.service(serviceId).flatMap(service -> records.offering(serviceId, offeringId)
                .flatMap(offering -> {
                    ETags.requireCurrent(ifMatch, offering.version);
                    OfferingLifecycle.apply(offering.status, OfferingLifecycle.RETIRE);
                    return retire(service, offering, actor.name()).map(ignored -> offering);
                }));
    }

    /** The service's active offerings retire with it. */
    Uni<Void> retireActive(ItService service, String actor) {
        return offerings.ofService(service.id).flatMap(all -> Unis.chain(all.stream()
                .filter(offering -> offering.status == OfferingStatus.ACTIVE).toList(),
                offering -> retire(service, offering, actor)));
    }

    /** A retired offering is no longer the service's default (the service then has none until one is chosen). */
    Uni<Void> retire(ItService service, ServiceOffering offering, String actor) {
        offering.status = OfferingStatus.RETIRED;
        offering.updatedAt = Instant.now(clock);
        boolean wasDefault = offering.defaultOffering;
        offering.defaultOffering = false;
        return history.record(offering.id, actor, List.of(FieldChange.of("status", OfferingStatus.ACTIVE,
                        OfferingStatus.RETIRED), FieldChange.of("defaultOffering", wasDefault, false)))
                .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, offering, service.number));
    }

    /**
     * The other offerings of the service stop being its default (at most one per service): each recorded and
     * published as updated. Flushed before the caller marks the new default, so the unique index never sees two.
     */
    private Uni<Void> clearOtherDefaults(ItService service, ServiceOffering offering, String actor) {
        return offerings.ofService(service.id)
                .flatMap(all -> Unis.chain(all.stream().filter(other -> other.defaultOffering
                        && !other.id.equals(offering.id)).toList(), previous -> {
                            previous.defaultOffering = false;
                            previous.updatedAt = Instant.now(clock);
                            return history.record(previous.id, actor,
                                    List.of(FieldChange.of("defaultOffering", true, false)))
                                    .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, previous,
                                            service.number));
                        }))
                .flatMap(ignored -> offerings.flush());
    }

    /** One-off and weekly windows, checked by {@link WindowRules}: 400 naming each bad field. */
    private static List<TimeWindow> windows(String field, List<WindowRules.Window> windows) {
        List<FieldError> errors = WindowRules.problems(field, windows).stream()
                .map(problem -> new FieldError(problem.field(), problem.message())).toList();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return WindowRules.toContract(windows);
    }

    private static void checkOffering(ServiceOffering offering) {
        List<FieldError> errors = new ArrayList<>();
        CatalogUpdateRules.slaTargetErrors("slaTargets", offering.slaTargets)
                .forEach(error -> errors.add(new FieldError(error.field(), error.message())));
        BusinessCalendar.problems(offering.businessHours)
                .forEach(problem -> errors.add(new FieldError("businessHours", problem)));
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
    }
}
