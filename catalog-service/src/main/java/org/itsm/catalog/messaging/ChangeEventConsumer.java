package org.itsm.catalog.messaging;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.RejectedChangeUpdate;
import org.itsm.catalog.repository.RejectedChangeUpdateRepository;
import org.itsm.catalog.service.ChangeUpdateRejected;
import org.itsm.catalog.service.ChangeUpdates;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The change → catalog flow's entry: approved changes are marked as planned, implemented ones have their catalog
 * update applied, failed or cancelled ones lose the mark, and so do re-planned ones sent back through approval
 * (their approval brings the mark back at the new window). Exactly once per event; an update that no longer fits
 * is recorded on the services (independently) and the event goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "catalog-service.change";

    private final EventInbox inbox;
    private final ChangeUpdates changeUpdates;
    private final RejectedChangeUpdateRepository rejections;
    private final ObjectMapper objectMapper;

    public ChangeEventConsumer(EventInbox inbox, ChangeUpdates changeUpdates,
            RejectedChangeUpdateRepository rejections, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.changeUpdates = changeUpdates;
        this.rejections = rejections;
        this.objectMapper = objectMapper;
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
            case EventTypes.CHANGE_IMPLEMENTED -> changeUpdates.implemented(event.payload(ChangeEvent.class))
                    .onFailure(ChangeUpdateRejected.class)
                    .call(failure -> recordRejection(event.id(), (ChangeUpdateRejected) failure));
            case EventTypes.CHANGE_FAILED, EventTypes.CHANGE_CANCELLED ->
                changeUpdates.dropped(event.payload(ChangeEvent.class));
            case EventTypes.CHANGE_UPDATED -> changeUpdates.updated(event.payload(ChangeEvent.class));
            default -> throw new IllegalStateException("not a handled change event: " + event.type());
        };
    }

    private Uni<Void> recordRejection(UUID eventId, ChangeUpdateRejected rejected) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ItService service : rejected.services()) {
            RejectedChangeUpdate rejection = new RejectedChangeUpdate();
            rejection.id = UUID.randomUUID();
            rejection.serviceId = service.id;
            rejection.eventId = eventId;
            rejection.changeId = rejected.change().id();
            rejection.changeNumber = rejected.change().number();
            rejection.reason = rejected.getMessage();
            String json = json(CatalogEventPublisher.changeUpdate(service, rejected.change(),
                    java.util.List.of(), rejected.getMessage()));
            chain = chain.flatMap(ignored -> rejections.recordIndependently(rejection,
                    EventTypes.CATALOG_CHANGE_UPDATE_REJECTED, service.number, json));
        }
        return chain;
    }

    private String json(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
