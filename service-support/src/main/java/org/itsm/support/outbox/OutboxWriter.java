package org.itsm.support.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists exactly when the state
 * change it reports was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper objectMapper;

    public OutboxWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * @param type        CloudEvents type (see {@code org.itsm.events.EventTypes})
     * @param aggregateId record key on Kafka, keeps one record's events in order
     * @param subject     the human number of the record
     * @param data        the payload record of the event contract
     */
    public Uni<Void> append(String type, UUID aggregateId, String subject, Object data) {
        String payload = toJson(data);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "insert into outbox_event (id, aggregate_id, type, subject, payload) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, aggregateId)
                .setParameter(3, type)
                .setParameter(4, subject)
                .setParameter(5, payload)
                .executeUpdate())
                .replaceWithVoid();
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload not serialisable: " + data.getClass(), e);
        }
    }
}
