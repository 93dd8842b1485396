package org.itsm.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.Delivery;
import org.itsm.notification.domain.NotificationKind;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Plans a delivery unless one exists for the same event, recipient and kind (the table's unique key): a
     * redelivered event plans nothing new. Emits whether a row was inserted.
     */
    public Uni<Boolean> planOnce(UUID eventId, String eventType, UUID recordId, String recordNumber, String recipient,
            NotificationKind kind, String facts, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into notification_delivery (id, event_id, event_type, record_id, record_number, recipient, kind,
                    facts, status, attempts, next_attempt_at, created_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?9, 0)
                on conflict (event_id, recipient, kind) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, recordId)
                .setParameter(5, recordNumber)
                .setParameter(6, recipient)
                .setParameter(7, kind.name())
                .setParameter(8, facts)
                .setParameter(9, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Pending deliveries due at {@code now}, locked for this transaction; rows another replica holds are skipped. */
    public Uni<List<Delivery>> claimDue(Instant now, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select * from notification_delivery
                where status = 'PENDING' and next_attempt_at <= ?1
                order by next_attempt_at
                limit ?2
                for update skip locked""", Delivery.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    public Uni<List<Delivery>> ofRecord(String recordNumber) {
        return list("recordNumber = ?1 order by createdAt, recipient, kind", recordNumber);
    }
}
