package org.itsm.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.ServiceLifecycle;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.WindowRules;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.catalog.rest.CatalogApi;
import org.itsm.catalog.rest.CatalogApi.CreateOffering;
import org.itsm.catalog.rest.CatalogApi.CreateService;
import org.itsm.catalog.rest.CatalogApi.UpdateOffering;
import org.itsm.catalog.rest.CatalogApi.UpdateService;
import org.itsm.catalog.rest.CatalogApi.WindowInput;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.change.CatalogUpdateRules;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Services and offerings of the catalogue. Each write is one transaction: change, history and outbox event. */
@ApplicationScoped
public class PortfolioService {

    static final String NUMBER_PREFIX = "SVC";

    private final ItServiceRepository services;
    private final OfferingRepository offerings;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final CatalogEventPublisher events;
    private final ServiceRequestRepository requests;

    public PortfolioService(ItServiceRepository services, OfferingRepository offerings, NumberSequence numbers,
            RecordHistory history, IdempotencyKeys idempotencyKeys, CatalogEventPublisher events,
            ServiceRequestRepository requests) {
        this.requests = requests;
        this.services = services;
        this.offerings = offerings;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
    }

    /** Result of a create: the record and whether this call created it (201) or replays an earlier one (200). */
    public record Created<T>(T record, boolean isNew) {
    }

    @WithTransaction
    public Uni<Created<ItService>> create(CreateService request, Actor actor, String idempotencyKey,
            String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> services.findById(outcome.id())
                        .map(service -> new Created<>(service, !outcome.replayed())));
    }

    private Uni<UUID> insert(CreateService request, Actor actor) {
        Instant now = Instant.now();
        ItService service = new ItService();
        service.id = UUID.randomUUID();
        service.name = request.name().strip();
        service.description = request.description();
        service.type = request.type();
        service.owner = request.owner();
        service.supportGroup = request.supportGroup();
        service.criticality = request.criticality() == null ? Criticality.MEDIUM : request.criticality();
        service.serviceVersion = request.version();
        service.dependsOn = distinct(request.dependsOn());
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

    @WithSession
    public Uni<ItService> get(UUID id) {
        return services.findById(id).invoke(service -> {
            if (service == null) {
                throw ApiProblem.notFound("Service", id);
            }
        });
    }

    @WithTransaction
    public Uni<ItService> update(UUID id, String ifMatch, UpdateService request, Actor actor) {
        return get(id).flatMap(service -> {
            ETags.requireCurrent(ifMatch, service.version);
            if (service.lifecycle == Lifecycle.RETIRED) {
                throw ApiProblem.conflict("Service " + service.number + " is retired and can no longer change");
            }
            List<FieldChange> changes = new ArrayList<>();
            if (request.name() != null) {
                changes.add(FieldChange.of("name", service.name, request.name().strip()));
                service.name = request.name().strip();
            }
            if (request.description() != null) {
                changes.add(FieldChange.of("description", service.description, request.description()));
                service.description = request.description();
            }
            if (request.type() != null) {
                changes.add(FieldChange.of("type", service.type, request.type()));
                service.type = request.type();
            }
            if (request.owner() != null) {
                changes.add(FieldChange.of("owner", service.owner, request.owner()));
                service.owner = request.owner();
            }
            if (request.supportGroup() != null) {
                changes.add(FieldChange.of("supportGroup", service.supportGroup, request.supportGroup()));
                service.supportGroup = request.supportGroup();
            }
            if (request.criticality() != null) {
                changes.add(FieldChange.of("criticality", service.criticality, request.criticality()));
                service.criticality = request.criticality();
            }
            if (request.version() != null) {
                changes.add(FieldChange.of("version", service.serviceVersion, request.version()));
                service.serviceVersion = request.version();
            }
            if (request.dependsOn() != null) {
                List<UUID> dependsOn = distinct(request.dependsOn());
                changes.add(FieldChange.of("dependsOn", service.dependsOn, dependsOn));
                service.dependsOn = dependsOn;
            }
            if (changes.stream().noneMatch(FieldChange::changed)) {
                return Uni.createFrom().item(service);
            }
            service.updatedAt = Instant.now();
            return checkDependencies(service)
                    .flatMap(ignored -> history.record(service.id, actor.name(), changes))
                    .flatMap(ignored -> events.service(EventTypes.CATALOG_SERVICE_UPDATED, service, null))
                    .map(ignored -> service);
        });
    }

    /** An explicit lifecycle action: go-live or retire. */
    @WithTransaction
    public Uni<ItService> move(UUID id, String ifMatch, String action, Actor actor) {
        return get(id).flatMap(service -> {
            ETags.requireCurrent(ifMatch, service.version);
            Lifecycle target;
            try {
                target = ServiceLifecycle.apply(service.lifecycle, action);
            } catch (IllegalMoveException e) {
                throw ApiProblem.illegalMove(e.action(), e.state(), e.allowedMoves());
            }
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
        service.updatedAt = Instant.now();
        String type = target == Lifecycle.RETIRED ? EventTypes.CATALOG_SERVICE_RETIRED
                : EventTypes.CATALOG_SERVICE_LIFECYCLE_CHANGED;
        Uni<Void> offeringsRetired = !ServiceLifecycle.retiresOfferings(target) ? Uni.createFrom().voidItem()
                : offerings.ofService(service.id).flatMap(all -> chain(all.stream()
                        .filter(offering -> offering.status == OfferingStatus.ACTIVE).toList(),
                        offering -> retireOffering(service, offering, actor)));
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

    // Offerings

    @WithTransaction
    public Uni<Created<ServiceOffering>> createOffering(UUID serviceId, CreateOffering request, Actor actor,
            String idempotencyKey, String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody,
                () -> insertOffering(serviceId, request, actor))
                .flatMap(outcome -> offerings.findById(outcome.id())
                        .map(offering -> new Created<>(offering, !outcome.replayed())));
    }

    private Uni<UUID> insertOffering(UUID serviceId, CreateOffering request, Actor actor) {
        return get(serviceId).flatMap(service -> {
            if (service.lifecycle == Lifecycle.RETIRED) {
                throw ApiProblem.conflict("Service " + service.number + " is retired: it takes no new offerings");
            }
            ServiceOffering offering = new ServiceOffering();
            offering.id = UUID.randomUUID();
            offering.serviceId = service.id;
            offering.name = request.name().strip();
            offering.status = OfferingStatus.ACTIVE;
            offering.supportGroup = request.supportGroup() != null ? request.supportGroup() : service.supportGroup;
            offering.slaTargets = slaTargets(request.slaTargets());
            offering.businessHours = request.businessHours() == null ? null : request.businessHours().toContract();
            offering.maintenanceWindows = windows("maintenanceWindows", request.maintenanceWindows());
            offering.blackoutWindows = windows("blackoutWindows", request.blackoutWindows());
            checkOffering(offering);
            offering.createdAt = Instant.now();
            offering.updatedAt = offering.createdAt;
            boolean makeDefault = Boolean.TRUE.equals(request.defaultOffering());
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

    @WithSession
    public Uni<ServiceOffering> offering(UUID serviceId, UUID offeringId) {
        return offerings.findById(offeringId).invoke(offering -> {
            if (offering == null || !offering.serviceId.equals(serviceId)) {
                throw ApiProblem.notFound("Offering", offeringId);
            }
        });
    }

    @WithSession
    public Uni<List<ServiceOffering>> offerings(UUID serviceId) {
        return get(serviceId).flatMap(service -> offerings.ofService(service.id));
    }

    @WithTransaction
    public Uni<ServiceOffering> updateOffering(UUID serviceId, UUID offeringId, String ifMatch, UpdateOffering request,
            Actor actor) {
        return get(serviceId).flatMap(service -> offering(serviceId, offeringId).flatMap(offering -> {
            ETags.requireCurrent(ifMatch, offering.version);
            if (offering.status == OfferingStatus.RETIRED) {
                throw ApiProblem.conflict("Offering " + offering.name + " is retired and can no longer change");
            }
            List<FieldChange> changes = new ArrayList<>();
            if (request.name() != null) {
                changes.add(FieldChange.of("name", offering.name, request.name().strip()));
                offering.name = request.name().strip();
            }
            if (request.supportGroup() != null) {
                changes.add(FieldChange.of("supportGroup", offering.supportGroup, request.supportGroup()));
                offering.supportGroup = request.supportGroup();
            }
            if (request.slaTargets() != null) {
                List<SlaTarget> targets = slaTargets(request.slaTargets());
                changes.add(FieldChange.of("slaTargets", offering.slaTargets, targets));
                offering.slaTargets = targets;
            }
            if (request.businessHours() != null) {
                changes.add(FieldChange.of("businessHours", offering.businessHours, request.businessHours().toContract()));
                offering.businessHours = request.businessHours().toContract();
            }
            if (request.maintenanceWindows() != null) {
                List<TimeWindow> windows = windows("maintenanceWindows", request.maintenanceWindows());
                changes.add(FieldChange.of("maintenanceWindows", offering.maintenanceWindows, windows));
                offering.maintenanceWindows = windows;
            }
            if (request.blackoutWindows() != null) {
                List<TimeWindow> windows = windows("blackoutWindows", request.blackoutWindows());
                changes.add(FieldChange.of("blackoutWindows", offering.blackoutWindows, windows));
                offering.blackoutWindows = windows;
            }
            checkOffering(offering);
            Uni<Void> defaults = Uni.createFrom().voidItem();
            if (request.defaultOffering() != null && request.defaultOffering() != offering.defaultOffering) {
                boolean makeDefault = request.defaultOffering();
                changes.add(FieldChange.of("defaultOffering", offering.defaultOffering, makeDefault));
                defaults = (makeDefault ? clearOtherDefaults(service, offering, actor.name())
                        : Uni.createFrom().voidItem()).invoke(() -> offering.defaultOffering = makeDefault);
            }
            if (changes.stream().noneMatch(FieldChange::changed)) {
                return Uni.createFrom().item(offering);
            }
            offering.updatedAt = Instant.now();
            return defaults.flatMap(ignored -> history.record(offering.id, actor.name(), changes))
                    .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, offering, service.number))
                    .map(ignored -> offering);
        }));
    }

    @WithTransaction
    public Uni<ServiceOffering> retireOffering(UUID serviceId, UUID offeringId, String ifMatch, Actor actor) {
        return get(serviceId).flatMap(service -> offering(serviceId, offeringId).flatMap(offering -> {
            ETags.requireCurrent(ifMatch, offering.version);
            if (offering.status == OfferingStatus.RETIRED) {
                throw ApiProblem.illegalMove("retire", OfferingStatus.RETIRED.name(), List.of());
            }
            return retireOffering(service, offering, actor.name()).map(ignored -> offering);
        }));
    }

    /** A retired offering is no longer the service's default (the service then has none until one is chosen). */
    Uni<Void> retireOffering(ItService service, ServiceOffering offering, String actor) {
        offering.status = OfferingStatus.RETIRED;
        offering.updatedAt = Instant.now();
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
                .flatMap(all -> chain(all.stream().filter(other -> other.defaultOffering
                        && !other.id.equals(offering.id)).toList(), previous -> {
                            previous.defaultOffering = false;
                            previous.updatedAt = Instant.now();
                            return history.record(previous.id, actor,
                                    List.of(FieldChange.of("defaultOffering", true, false)))
                                    .flatMap(ignored -> events.offering(EventTypes.CATALOG_OFFERING_UPDATED, previous,
                                            service.number));
                        }))
                .flatMap(ignored -> offerings.flush());
    }

    private static List<SlaTarget> slaTargets(List<org.itsm.catalog.rest.CatalogApi.SlaTargetInput> input) {
        return input == null ? List.of() : input.stream().map(target -> new SlaTarget(target.priority(),
                target.responseMinutes(), target.resolutionMinutes())).toList();
    }

    /** One-off and weekly windows, checked by {@link WindowRules}: 400 naming each bad field. */
    private static List<TimeWindow> windows(String field, List<WindowInput> input) {
        List<WindowRules.Window> windows = CatalogApi.windows(input);
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

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }

    static <T> Uni<Void> chain(Iterable<T> items, java.util.function.Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <T> HashSet<T> setOf(List<T> list) {
        return new HashSet<>(orEmpty(list));
    }
}
