package org.itsm.problem.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.problem.service.CatalogReplica;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Catalog service events go to the read model of catalog services (valid services, their support groups). */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "problem-service.catalog";

    private final EventInbox inbox;
    private final CatalogReplica catalog;

    public CatalogEventConsumer(EventInbox inbox, CatalogReplica catalog) {
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
        return catalog.serviceChanged(event);
    }
}
