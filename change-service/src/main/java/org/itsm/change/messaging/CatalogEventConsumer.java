package org.itsm.change.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.change.domain.CatalogOffering;
import org.itsm.change.domain.CatalogService;
import org.itsm.change.repository.CatalogReadModelRepository;
import org.itsm.events.EventTypes;
import org.itsm.change.service.ChangeService;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the catalog read model (valid services, the service map, maintenance and blackout windows) and hands the
 * catalog's answers to implemented changes' catalog updates (applied, rejected) to the change use cases.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "change-service.catalog";

    private final EventInbox inbox;
    private final CatalogReadModelRepository catalog;
    private final ObjectMapper objectMapper;
    private final ChangeService changes;

    public CatalogEventConsumer(EventInbox inbox, CatalogReadModelRepository catalog, ObjectMapper objectMapper,
            ChangeService changes) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
        this.changes = changes;
    }

    @Incoming("catalog-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (EventTypes.CATALOG_SERVICE_STATE.contains(event.type())) {
            return saveService(event.payload(CatalogServiceEvent.class));
        }
        if (EventTypes.CATALOG_OFFERING_STATE.contains(event.type())) {
            return saveOffering(event.payload(CatalogOfferingEvent.class));
        }
        if (EventTypes.CATALOG_CHANGE_APPLIED.equals(event.type())) {
            return changes.catalogUpdateAnswered(event.payload(CatalogChangeUpdateEvent.class), true);
        }
        if (EventTypes.CATALOG_CHANGE_UPDATE_REJECTED.equals(event.type())) {
            return changes.catalogUpdateAnswered(event.payload(CatalogChangeUpdateEvent.class), false);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> saveService(CatalogServiceEvent event) {
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.dependsOn = event.dependsOn() == null ? List.of() : event.dependsOn();
        service.updatedAt = Instant.now();
        return catalog.save(service);
    }

    private Uni<Void> saveOffering(CatalogOfferingEvent event) {
        CatalogOffering offering = new CatalogOffering();
        offering.id = event.id();
        offering.serviceId = event.serviceId();
        offering.name = event.name();
        offering.status = event.status();
        offering.maintenanceWindows = json(event.maintenanceWindows());
        offering.blackoutWindows = json(event.blackoutWindows());
        offering.updatedAt = Instant.now();
        return catalog.save(offering);
    }

    private String json(List<TimeWindow> windows) {
        try {
            return objectMapper.writeValueAsString(windows == null ? List.of() : windows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
