package org.itsm.support.inbox;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Runs a consumer's effect for a Kafka message exactly once: the effect and the processed-event record share one
 * transaction. Messages without CloudEvents metadata are unprocessable; failures nack the message, so the Kafka
 * connector's dead-letter-queue strategy parks it (with the reason) and consumption continues.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ProcessedEvents processedEvents;
    private final ObjectMapper objectMapper;

    public EventInbox(ProcessedEvents processedEvents, ObjectMapper objectMapper) {
        this.processedEvents = processedEvents;
        this.objectMapper = objectMapper;
    }

    /** Applies {@code effect} unless {@code consumer} already processed this event; acks or nacks the message. */
    public Uni<Void> processOnce(String consumer, Message<String> message, Function<IncomingEvent, Uni<Void>> effect) {
        return Uni.createFrom().item(() -> toIncomingEvent(message))
                .flatMap(event -> Panache.withTransaction(() -> processedEvents
                        .markFirstDelivery(consumer, event.id(), event.type())
                        .flatMap(first -> {
                            if (!first) {
                                LOG.debugf("%s already processed event %s, skipped", consumer, event.id());
                                return Uni.createFrom().voidItem();
                            }
                            return effect.apply(event);
                        })))
                .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    /**
     * Like {@link #processOnce(String, Message, Function)} for a consumer that acts on {@code handledTypes} only: other
     * events of the topic are acknowledged at once, without a transaction or a processed-event record, so they do not
     * hold up the events behind them.
     */
    public Uni<Void> processOnce(String consumer, Set<String> handledTypes, Message<String> message,
            Function<IncomingEvent, Uni<Void>> effect) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElse(null);
        if (type != null && !handledTypes.contains(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return processOnce(consumer, message, effect);
    }

    @SuppressWarnings("unchecked")
    private IncomingEvent toIncomingEvent(Message<String> message) {
        IncomingCloudEventMetadata<Object> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("Not a CloudEvent (no ce_* headers)"));
        UUID id;
        try {
            id = UUID.fromString(cloudEvent.getId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("CloudEvent id is not a UUID: " + cloudEvent.getId());
        }
        return new IncomingEvent(id, cloudEvent.getType(), cloudEvent.getSubject().orElse(null), message.getPayload(),
                objectMapper);
    }
}
