package org.itsm.problem.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.problem.domain.CatalogService;
import org.itsm.problem.repository.CatalogReadModelRepository;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Keeps the read model of catalog services (valid services, their support groups). */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "problem-service.catalog";

    private final EventInbox inbox;
    private final CatalogReadModelRepository catalog;

    public CatalogEventConsumer(EventInbox inbox, CatalogReadModelRepository catalog) {
        this.inbox = inbox;
        this.catalog = catalog;
    }

    @Incoming("catalog-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (EventTypes.CATALOG_SERVICE_STATE.contains(event.type())) {
            return saveService(event.payload(CatalogServiceEvent.class));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> saveService(CatalogServiceEvent event) {
        if (event.id() == null || event.name() == null || event.lifecycle() == null) {
            throw new UnprocessableEventException("Catalog service event lacks id, name or lifecycle");
        }
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number() == null ? "" : event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.supportGroup = event.supportGroup();
        service.updatedAt = Instant.now();
        return catalog.save(service);
    }
}
