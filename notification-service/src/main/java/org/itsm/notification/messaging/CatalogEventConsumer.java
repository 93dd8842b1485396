package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.ServiceRequestEvent;
import org.itsm.notification.service.RequestNotifications;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Service-request events become planned deliveries; the catalog's other events are acknowledged at once. */
@ApplicationScoped
public class CatalogEventConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.catalog";

    static final Set<String> HANDLED = Set.of(EventTypes.CATALOG_REQUEST_SUBMITTED, EventTypes.CATALOG_REQUEST_APPROVED,
            EventTypes.CATALOG_REQUEST_REJECTED, EventTypes.CATALOG_REQUEST_FULFILLED);

    private final EventInbox inbox;
    private final RequestNotifications notifications;

    public CatalogEventConsumer(EventInbox inbox, RequestNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("catalog-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, HANDLED, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!HANDLED.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ServiceRequestEvent request = event.payload(ServiceRequestEvent.class);
        if (request.id() == null || request.number() == null || request.state() == null) {
            throw new UnprocessableEventException("Request event " + event.id() + " lacks id, number or state");
        }
        return notifications.onRequestEvent(event.id(), event.type(), request);
    }
}
