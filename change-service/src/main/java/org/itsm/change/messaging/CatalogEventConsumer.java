package org.itsm.change.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.change.service.CatalogReplica;
import org.itsm.change.service.ChangeUpdatesFromEvents;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/**
 * Translates catalog events: services and offerings to the catalog replica ({@link CatalogReplica}), the catalog's
 * answers to implemented changes' catalog updates (applied, rejected) to {@link ChangeUpdatesFromEvents}.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    static final String CONSUMER = "change-service.catalog";

    private final EventInbox inbox;
    private final CatalogReplica replica;
    private final ChangeUpdatesFromEvents changes;

    public CatalogEventConsumer(EventInbox inbox, CatalogReplica replica, ChangeUpdatesFromEvents changes) {
        this.inbox = inbox;
        this.replica = replica;
        this.changes = changes;
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
        if (EventTypes.CATALOG_CHANGE_APPLIED.equals(event.type())) {
            return changes.catalogUpdateAnswered(event.payload(CatalogChangeUpdateEvent.class), true);
        }
        if (EventTypes.CATALOG_CHANGE_UPDATE_REJECTED.equals(event.type())) {
            return changes.catalogUpdateAnswered(event.payload(CatalogChangeUpdateEvent.class), false);
        }
        return Uni.createFrom().voidItem();
    }
}
