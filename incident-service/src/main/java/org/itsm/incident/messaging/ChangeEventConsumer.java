package org.itsm.incident.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.incident.service.CatalogReplica;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/** Implemented changes, remembered per service (CatalogReplica) so new incidents there are flagged by them. */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "incident-service.change";

    private final EventInbox inbox;
    private final CatalogReplica replica;

    public ChangeEventConsumer(EventInbox inbox, CatalogReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("change-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!EventTypes.CHANGE_IMPLEMENTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ChangeEvent change = event.payload(ChangeEvent.class);
        return replica.changeImplemented(change.number(), change.affectedServiceIds(), change.occurredAt());
    }
}
