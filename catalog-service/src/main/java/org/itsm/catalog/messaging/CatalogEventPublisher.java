package org.itsm.catalog.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.catalog.CatalogItemEvent;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.events.catalog.FulfilmentTaskEvent;
import org.itsm.events.catalog.ServiceRequestEvent;
import org.itsm.events.change.ChangeEvent;
import org.itsm.support.outbox.OutboxWriter;

import io.smallrye.mutiny.Uni;

/** Turns catalog changes into contract events in the outbox (same transaction as the change). */
@ApplicationScoped
public class CatalogEventPublisher {

    private final OutboxWriter outbox;
    private final Clock clock;

    public CatalogEventPublisher(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param appliedChangeNumber the change whose catalog update caused this, or null for a direct edit */
    public Uni<Void> service(String type, ItService service, String appliedChangeNumber) {
        CatalogServiceEvent event = new CatalogServiceEvent(service.id, service.number, service.name,
                service.type.name(), service.lifecycle.name(), service.supportGroup, service.criticality.name(),
                service.serviceVersion, service.dependsOn, appliedChangeNumber, Instant.now(clock));
        return outbox.append(type, service.id, service.number, event);
    }

    /** Offering events are keyed by their service, so a service's catalog events stay in order. */
    public Uni<Void> offering(String type, ServiceOffering offering, String serviceNumber) {
        CatalogOfferingEvent event = new CatalogOfferingEvent(offering.id, offering.serviceId, offering.name,
                offering.status.name(), offering.supportGroup, offering.slaTargets, offering.businessHours,
                offering.maintenanceWindows, offering.blackoutWindows, Instant.now(clock),
                offering.defaultOffering);
        return outbox.append(type, offering.serviceId, serviceNumber, event);
    }

    public Uni<Void> item(String type, CatalogItem item) {
        CatalogItemEvent event = new CatalogItemEvent(item.id, item.name, item.category, item.offeringId,
                item.fulfilmentGroup, item.approvalRule.name(), item.published, Instant.now(clock));
        return outbox.append(type, item.id, item.name, event);
    }

    public Uni<Void> request(String type, ServiceRequest request) {
        ServiceRequestEvent event = new ServiceRequestEvent(request.id, request.number, request.itemId,
                request.itemName, request.requester, request.state.name(), request.approver,
                request.fulfilmentGroup, request.dueAt, Instant.now(clock));
        return outbox.append(type, request.id, request.number, event);
    }

    /** Task events are keyed by their request, so a request's events and its tasks' stay in order. */
    public Uni<Void> task(String type, FulfilmentTask task, ServiceRequest request) {
        FulfilmentTaskEvent event = new FulfilmentTaskEvent(task.id, request.id, request.number, request.itemName,
                request.requester, task.title, task.assignmentGroup, task.assignee, task.state.name(),
                Instant.now(clock));
        return outbox.append(type, request.id, request.number, event);
    }

    public Uni<Void> changeApplied(ItService service, ChangeEvent change, List<String> effects) {
        return outbox.append(EventTypes.CATALOG_CHANGE_APPLIED, service.id, service.number,
                changeUpdateEvent(service, change, effects, null));
    }

    /** A change's catalog update as applied ({@code effects}) or rejected ({@code reason}). */
    public CatalogChangeUpdateEvent changeUpdateEvent(ItService service, ChangeEvent change,
            List<String> effects, String reason) {
        return new CatalogChangeUpdateEvent(service.id, service.number, change.id(), change.number(), effects, reason,
                Instant.now(clock));
    }
}
