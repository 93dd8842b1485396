package org.itsm.incident.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.incident.repository.CatalogReadModelRepository;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/** Remembers implemented changes per service, so new incidents there are flagged as possibly caused by them. */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "incident-service.change";

    private final EventInbox inbox;
    private final CatalogReadModelRepository catalog;

    public ChangeEventConsumer(EventInbox inbox, CatalogReadModelRepository catalog) {
        this.inbox = inbox;
        this.catalog = catalog;
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
        List<java.util.UUID> services = change.affectedServiceIds() == null ? List.of() : change.affectedServiceIds();
        Instant implementedAt = change.occurredAt() != null ? change.occurredAt() : Instant.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (java.util.UUID serviceId : services) {
            chain = chain.flatMap(ignored -> catalog.recordImplementedChange(change.number(), serviceId, implementedAt));
        }
        return chain;
    }
}
