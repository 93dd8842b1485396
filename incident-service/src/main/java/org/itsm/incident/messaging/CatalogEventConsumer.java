package org.itsm.incident.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.incident.domain.CatalogOffering;
import org.itsm.incident.domain.CatalogService;
import org.itsm.incident.repository.CatalogReadModelRepository;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the catalog read model (services, offerings, SLA targets, business hours, support groups, the service's
 * default offering).
 */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "incident-service.catalog";

    private final EventInbox inbox;
    private final CatalogReadModelRepository catalog;
    private final ObjectMapper objectMapper;

    public CatalogEventConsumer(EventInbox inbox, CatalogReadModelRepository catalog, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
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
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> saveService(CatalogServiceEvent event) {
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.supportGroup = event.supportGroup();
        service.updatedAt = Instant.now();
        return catalog.save(service);
    }

    private Uni<Void> saveOffering(CatalogOfferingEvent event) {
        CatalogOffering offering = new CatalogOffering();
        offering.id = event.id();
        offering.serviceId = event.serviceId();
        offering.name = event.name();
        offering.status = event.status();
        offering.supportGroup = event.supportGroup();
        offering.slaTargets = json(event.slaTargets());
        offering.businessHours = json(event.businessHours());
        offering.defaultOffering = Boolean.TRUE.equals(event.defaultOffering());
        offering.updatedAt = Instant.now();
        return catalog.save(offering);
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
