package org.itsm.catalog.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.catalog.service.ChangeUpdates;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/**
 * The change → catalog flow's entry: approved changes are marked as planned, implemented ones have their catalog
 * update applied, failed or cancelled ones lose the mark, and so do re-planned ones sent back through approval
 * (their approval brings the mark back at the new window). Exactly once per event; an update that no longer fits
 * is recorded on the services (independently, {@link ChangeUpdates#implemented}) and the event goes to the
 * dead-letter topic with the reason. The consumer only translates each event into a call of {@link ChangeUpdates}.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "catalog-service.change";

    private final EventInbox inbox;
    private final ChangeUpdates changeUpdates;

    public ChangeEventConsumer(EventInbox inbox, ChangeUpdates changeUpdates) {
        this.inbox = inbox;
        this.changeUpdates = changeUpdates;
    }

    /** Most change events (created, submitted, assessed, votes) mean nothing here and skip the inbox's transaction. */
    static final Set<String> HANDLED = Set.of(EventTypes.CHANGE_APPROVED, EventTypes.CHANGE_IMPLEMENTED,
            EventTypes.CHANGE_FAILED, EventTypes.CHANGE_CANCELLED, EventTypes.CHANGE_UPDATED);

    @Incoming("change-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, HANDLED, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.CHANGE_APPROVED -> changeUpdates.planned(event.payload(ChangeEvent.class));
            case EventTypes.CHANGE_IMPLEMENTED ->
                changeUpdates.implemented(event.id(), event.payload(ChangeEvent.class));
            case EventTypes.CHANGE_FAILED, EventTypes.CHANGE_CANCELLED ->
                changeUpdates.dropped(event.payload(ChangeEvent.class));
            case EventTypes.CHANGE_UPDATED -> changeUpdates.updated(event.payload(ChangeEvent.class));
            default -> throw new IllegalStateException("not a handled change event: " + event.type());
        };
    }
}
