package org.itsm.incident.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.incident.service.CatalogReplica;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/** Catalog service and offering events, translated into the catalog replica's updates (CatalogReplica). */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "incident-service.catalog";

    private final EventInbox inbox;
    private final CatalogReplica replica;

    public CatalogEventConsumer(EventInbox inbox, CatalogReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("catalog-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (EventTypes.CATALOG_SERVICE_STATE.contains(event.type())) {
            return replica.serviceChanged(event.payload(CatalogServiceEvent.class));
        }
        if (EventTypes.CATALOG_OFFERING_STATE.contains(event.type())) {
            return replica.offeringChanged(event.payload(CatalogOfferingEvent.class));
        }
        return Uni.createFrom().voidItem();
    }
}
