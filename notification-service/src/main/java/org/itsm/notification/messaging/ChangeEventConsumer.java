package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.notification.service.ChangeNotifications;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Change events become planned deliveries (CAB, implementer, requester); the others are acknowledged at once. */
@ApplicationScoped
public class ChangeEventConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.change";

    static final Set<String> HANDLED = Set.of(EventTypes.CHANGE_SUBMITTED, EventTypes.CHANGE_ASSESSED,
            EventTypes.CHANGE_UPDATED, EventTypes.CHANGE_SCHEDULED, EventTypes.CHANGE_APPROVED,
            EventTypes.CHANGE_REJECTED, EventTypes.CHANGE_IMPLEMENTED);

    private final EventInbox inbox;
    private final ChangeNotifications notifications;

    public ChangeEventConsumer(EventInbox inbox, ChangeNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("change-audience-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, HANDLED, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!HANDLED.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ChangeEvent change = event.payload(ChangeEvent.class);
        if (change.id() == null || change.number() == null || change.state() == null) {
            throw new UnprocessableEventException("Change event " + event.id() + " lacks id, number or state");
        }
        return notifications.onChangeEvent(event.id(), event.type(), change);
    }
}
