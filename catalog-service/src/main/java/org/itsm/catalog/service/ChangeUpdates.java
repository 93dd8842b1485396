package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.AppliedChange;
import org.itsm.catalog.domain.CatalogUpdateFit;
import org.itsm.catalog.domain.CatalogUpdateFit.OfferingFacts;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.PlannedChange;
import org.itsm.catalog.domain.PlannedMarks;
import org.itsm.catalog.domain.RejectedChangeUpdate;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.SlaTargetUpdate;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.AppliedChangeRepository;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.repository.PlannedChangeRepository;
import org.itsm.catalog.repository.RejectedChangeUpdateRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.ChangeEvent;
import org.itsm.support.inbox.UnprocessableEventException;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The change → catalog flow. An approved change is marked as planned on each affected service (and offering); an
 * implemented change has its catalog update checked ({@link CatalogUpdateFit}) and applied whole (history and events
 * name the change; lifecycle moves through {@link ServicePortfolio}, offerings through {@link ServiceOfferings}) and
 * the mark removed, or, when it no longer fits, recorded as rejected on its own; a failed or cancelled change only
 * loses its mark. Runs inside the consumer's inbox transaction.
 */
@ApplicationScoped
public class ChangeUpdates {

    private final ItServiceRepository services;
    private final OfferingRepository offerings;
    private final PlannedChangeRepository plannedChanges;
    private final AppliedChangeRepository appliedChanges;
    private final RejectedChangeUpdateRepository rejections;
    private final ServiceRequestRepository requests;
    private final RecordHistory history;
    private final CatalogEventPublisher events;
    private final ServicePortfolio portfolio;
    private final ServiceOfferings serviceOfferings;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ChangeUpdates(ItServiceRepository services, OfferingRepository offerings,
            PlannedChangeRepository plannedChanges, AppliedChangeRepository appliedChanges,
            RejectedChangeUpdateRepository rejections, ServiceRequestRepository requests, RecordHistory history,
            CatalogEventPublisher events, ServicePortfolio portfolio, ServiceOfferings serviceOfferings,
            ObjectMapper objectMapper, Clock clock) {
        this.services = services;
        this.offerings = offerings;
        this.plannedChanges = plannedChanges;
        this.appliedChanges = appliedChanges;
        this.rejections = rejections;
        this.requests = requests;
        this.history = history;
        this.events = events;
        this.portfolio = portfolio;
        this.serviceOfferings = serviceOfferings;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The services a change affects: those named, and those of the offerings named. */
    private record Affected(List<ItService> services, List<ServiceOffering> offerings) {
    }

    /** Marks the change on each affected service and offering; a re-approval with a new window moves the mark. */
    public Uni<Void> planned(ChangeEvent change) {
        return affected(change).flatMap(affected -> plannedChanges.ofChange(change.id()).flatMap(existing -> {
            Map<String, PlannedChange> marked = existing.stream()
                    .collect(Collectors.toMap(mark -> mark.serviceId + "/" + mark.offeringId, mark -> mark));
            List<PlannedChange> marks = new ArrayList<>();
            Instant now = Instant.now(clock);
            Set<UUID> named = setOf(change.affectedServiceIds());
            for (ItService service : affected.services()) {
                if (named.contains(service.id)) {
                    marks.add(mark(change, service.id, null, now));
                }
            }
            for (ServiceOffering offering : affected.offerings()) {
                marks.add(mark(change, offering.serviceId, offering.id, now));
            }
            return Unis.chain(marks, mark -> {
                PlannedChange current = marked.get(mark.serviceId + "/" + mark.offeringId);
                if (current != null) {
                    current.plannedStart = mark.plannedStart;
                    current.plannedEnd = mark.plannedEnd;
                    current.summary = mark.summary;
                    return Uni.createFrom().voidItem();
                }
                return plannedChanges.persist(mark).flatMap(saved -> history.record(
                        mark.offeringId != null ? mark.offeringId : mark.serviceId, change.number(),
                        List.of(FieldChange.of("plannedChange", null, describe(change)))));
            });
        }));
    }

    /**
     * Applies the change's catalog update (delivered as event {@code eventId}) to the affected services it was not
     * applied to yet. An update that no longer fits fails with {@link ChangeUpdateRejected}, after the rejection is
     * recorded on its own ({@link #recordRejection}).
     */
    public Uni<Void> implemented(UUID eventId, ChangeEvent change) {
        return implemented(change).onFailure(ChangeUpdateRejected.class)
                .call(failure -> recordRejection(eventId, (ChangeUpdateRejected) failure));
    }

    private Uni<Void> implemented(ChangeEvent change) {
        return affected(change).flatMap(affected -> appliedChanges.servicesUpdatedBy(change.id()).flatMap(done -> {
            CatalogUpdate update = change.catalogUpdate();
            List<ItService> pending = affected.services().stream()
                    .filter(service -> !done.contains(service.id)).toList();
            if (update == null || pending.isEmpty()) {
                return removeMarks(change);
            }
            List<UUID> pendingIds = pending.stream().map(service -> service.id).toList();
            return requests.openRequestsOfServices(pendingIds).flatMap(open -> offerings.ofServices(pendingIds)
                    .flatMap(current -> {
                        Map<UUID, OfferingFacts> facts = current.stream().collect(Collectors.toMap(
                                offering -> offering.id, offering -> new OfferingFacts(offering.id,
                                        offering.serviceId, offering.name, offering.status)));
                        List<String> misfits = CatalogUpdateFit.misfits(pending,
                                affected.services().stream().map(service -> service.id).toList(), update, facts,
                                open);
                        if (!misfits.isEmpty()) {
                            throw new ChangeUpdateRejected(change, pending, misfits);
                        }
                        return Unis.chain(pending, service -> apply(change, update, service, current));
                    }))
                    .flatMap(ignored -> removeMarks(change));
        }));
    }

    /**
     * Records an update that no longer fits on each service it was to be applied to, in a transaction of its own
     * (the consumer's rolls back, so the event reaches the dead-letter topic): the rejection, its
     * {@code change-update-rejected} event, a history entry naming the change, and the removal of its marks. Once
     * per (event, service), so a redelivery does not record it twice.
     */
    private Uni<Void> recordRejection(UUID eventId, ChangeUpdateRejected rejected) {
        return Unis.chain(rejected.services(), service -> {
            RejectedChangeUpdate rejection = new RejectedChangeUpdate();
            rejection.id = UUID.randomUUID();
            rejection.serviceId = service.id;
            rejection.eventId = eventId;
            rejection.changeId = rejected.change().id();
            rejection.changeNumber = rejected.change().number();
            rejection.reason = rejected.getMessage();
            String json = json(events.changeUpdateEvent(service, rejected.change(), List.of(), rejected.getMessage()));
            return rejections.recordIndependently(rejection, EventTypes.CATALOG_CHANGE_UPDATE_REJECTED,
                    service.number, json);
        });
    }

    private String json(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failed or cancelled change loses its marks; each removal is recorded on its service or offering. */
    public Uni<Void> dropped(ChangeEvent change) {
        return removeMarks(change);
    }

    /**
     * A change whose window moved after approval goes back through approval: until it is approved again, the mark
     * of the old window would announce a change that will not happen then, so it goes.
     */
    public Uni<Void> updated(ChangeEvent change) {
        return PlannedMarks.staleAfter(change) ? removeMarks(change) : Uni.createFrom().voidItem();
    }

    /** Removes the change's marks, recording each removal (implemented, failed or cancelled alike). */
    private Uni<Void> removeMarks(ChangeEvent change) {
        return plannedChanges.ofChange(change.id()).flatMap(marks -> Unis.chain(marks,
                mark -> history.record(mark.offeringId != null ? mark.offeringId : mark.serviceId, change.number(),
                        List.of(FieldChange.of("plannedChange", describe(change), null)))))
                .flatMap(ignored -> plannedChanges.delete("changeId", change.id()))
                .replaceWithVoid();
    }

    private Uni<Void> apply(ChangeEvent change, CatalogUpdate update, ItService service,
            List<ServiceOffering> currentOfferings) {
        String actor = change.number();
        List<String> effects = new ArrayList<>();
        List<FieldChange> changes = new ArrayList<>();
        Uni<Void> steps = Uni.createFrom().voidItem();
        if (update.version() != null && !update.version().equals(service.serviceVersion)) {
            effects.add("version " + service.serviceVersion + " -> " + update.version());
            changes.add(FieldChange.of("version", service.serviceVersion, update.version()));
            service.serviceVersion = update.version();
        }
        for (ServiceOffering offering : currentOfferings) {
            if (!offering.serviceId.equals(service.id)) {
                continue;
            }
            if (orEmpty(update.offeringsRetired()).contains(offering.id)) {
                effects.add("offering " + offering.name + " retired");
                steps = steps.flatMap(ignored -> serviceOfferings.retire(service, offering, actor));
            } else if (offering.id.equals(update.slaOfferingId())) {
                List<SlaTarget> targets = SlaTargetUpdate.merged(offering.slaTargets, update.slaTargets());
                effects.add("SLA targets of " + offering.name + " changed");
                steps = steps.flatMap(ignored -> serviceOfferings.replaceTargets(service, offering, targets, actor));
            }
        }
        for (CatalogUpdate.AddedOffering added : orEmpty(update.offeringsAdded())) {
            if (!service.id.equals(added.serviceId())) {
                continue; // created only on the service it names
            }
            String name = added.name().strip();
            effects.add("offering " + name + " added");
            steps = steps.flatMap(ignored -> serviceOfferings.addForChange(service, name, actor));
        }
        Lifecycle target = update.lifecycle() == null ? null
                : Lifecycle.valueOf(update.lifecycle().toUpperCase(Locale.ROOT));
        if (target != null && target != service.lifecycle) {
            effects.add("lifecycle " + service.lifecycle + " -> " + target);
            steps = steps.flatMap(ignored -> portfolio.moveLifecycle(service, target, actor, change.number()));
        }
        changes.add(FieldChange.of("appliedChange", null, change.number()));
        service.updatedAt = Instant.now(clock);
        AppliedChange applied = new AppliedChange();
        applied.serviceId = service.id;
        applied.changeId = change.id();
        applied.changeNumber = change.number();
        applied.appliedAt = service.updatedAt;
        return steps
                .flatMap(ignored -> appliedChanges.persist(applied))
                .flatMap(ignored -> history.record(service.id, actor, changes))
                .flatMap(ignored -> events.service(EventTypes.CATALOG_SERVICE_UPDATED, service, change.number()))
                .flatMap(ignored -> events.changeApplied(service, change, effects));
    }

    private Uni<Affected> affected(ChangeEvent change) {
        if (change.id() == null || change.number() == null) {
            throw new UnprocessableEventException("Change event without id or number");
        }
        Set<UUID> offeringIds = setOf(change.affectedOfferingIds());
        return offerings.findByIds(offeringIds).flatMap(found -> {
            if (found.size() != offeringIds.size()) {
                throw new UnprocessableEventException(change.number() + " names offerings unknown to the catalog: "
                        + unknown(offeringIds, found.stream().map(offering -> offering.id).toList()));
            }
            Set<UUID> serviceIds = new LinkedHashSet<>(orEmpty(change.affectedServiceIds()));
            found.forEach(offering -> serviceIds.add(offering.serviceId));
            return services.findByIds(serviceIds).map(known -> {
                if (known.size() != serviceIds.size()) {
                    throw new UnprocessableEventException(change.number() + " names services unknown to the catalog: "
                            + unknown(serviceIds, known.stream().map(service -> service.id).toList()));
                }
                return new Affected(known, found);
            });
        });
    }

    private static PlannedChange mark(ChangeEvent change, UUID serviceId, UUID offeringId, Instant now) {
        PlannedChange mark = new PlannedChange();
        mark.id = UUID.randomUUID();
        mark.serviceId = serviceId;
        mark.offeringId = offeringId;
        mark.changeId = change.id();
        mark.changeNumber = change.number();
        mark.plannedStart = change.plannedStart();
        mark.plannedEnd = change.plannedEnd();
        mark.summary = change.title();
        mark.recordedAt = now;
        return mark;
    }

    private static String describe(ChangeEvent change) {
        return change.number() + " (" + change.plannedStart() + " - " + change.plannedEnd() + ")";
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Set<T> setOf(List<T> list) {
        return new HashSet<>(orEmpty(list));
    }

    private static List<UUID> unknown(Set<UUID> wanted, List<UUID> found) {
        return wanted.stream().filter(id -> !found.contains(id)).toList();
    }
}
