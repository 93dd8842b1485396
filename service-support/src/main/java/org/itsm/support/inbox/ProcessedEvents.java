package org.itsm.support.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consumer side of exactly-once effects: an event id is recorded in the same transaction as its effect.
 * A concurrent duplicate blocks on the primary key until the first commits, then sees it as processed.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Records the event as processed by {@code consumer}; emits false when it already was. */
    public Uni<Boolean> markFirstDelivery(String consumer, UUID eventId, String eventType) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
