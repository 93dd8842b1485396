package org.itsm.notification.webhook.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.domain.WebhookDelivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Plans a delivery unless the subscription already has one for this event (the table's unique key): a redelivered
     * event plans nothing new. Emits whether a row was inserted.
     */
    public Uni<Boolean> planOnce(UUID subscriptionId, UUID eventId, String eventType, String subject, String body,
            Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, event_subject, body, status,
                    failed_attempts, next_attempt_at, created_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7, 0)
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, subscriptionId)
                .setParameter(3, eventId)
                .setParameter(4, eventType)
                .setParameter(5, subject)
                .setParameter(6, body)
                .setParameter(7, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Pending deliveries due at {@code now} whose subscription is active, locked for this transaction; rows another
     * replica holds are skipped. Deliveries of an inactive (or failing) subscription wait until it is active again.
     */
    public Uni<List<WebhookDelivery>> claimDue(Instant now, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select d.* from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1 and s.active
                order by d.next_attempt_at
                limit ?2
                for update of d skip locked""", WebhookDelivery.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }
}
