package org.itsm.notification.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.Delivery;
import org.itsm.notification.domain.DigestSchedule;
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
        return planOnce(eventId, eventType, recordId, recordNumber, recipient, kind, facts, now, UUID.randomUUID());
    }

    private Uni<Boolean> planOnce(UUID eventId, String eventType, UUID recordId, String recordNumber,
            String recipient, NotificationKind kind, String facts, Instant now, UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into notification_delivery (id, event_id, event_type, record_id, record_number, recipient, kind,
                    facts, status, attempts, next_attempt_at, created_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?9, 0)
                on conflict (event_id, recipient, kind) do nothing""")
                .setParameter(1, id)
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

    /** A person with deliveries waiting for their daily digest, and when the oldest of them was planned. */
    public record Queued(String recipient, Instant oldest) {
    }

    /** The people with deliveries waiting for their daily digest. */
    public Uni<List<Queued>> queuedRecipients() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select recipient, min(created_at) from notification_delivery where status = 'QUEUED'
                group by recipient""", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Queued((String) row[0], instant(row[1]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp " + value);
    }

    /**
     * Plans {@code recipient}'s digest of a day unless it exists (the digest's event id is derived from the person and
     * the day), and hands it the person's deliveries queued before {@code cutoff}. Emits how many it took; 0 when the
     * day's digest already exists (those deliveries wait for the next day's).
     */
    public Uni<Integer> planDigest(UUID digestEventId, String recordNumber, String recipient, Instant cutoff,
            String facts, Instant now) {
        UUID digestId = UUID.randomUUID();
        return planOnce(digestEventId, DigestSchedule.EVENT_TYPE, null, recordNumber, recipient,
                NotificationKind.DAILY_DIGEST, facts, now, digestId)
                .flatMap(inserted -> !inserted ? Uni.createFrom().item(0)
                        : Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                update notification_delivery set status = 'DIGESTED', digest_id = ?1,
                                    version = version + 1
                                where recipient = ?2 and status = 'QUEUED' and created_at < ?3""")
                                .setParameter(1, digestId)
                                .setParameter(2, recipient)
                                .setParameter(3, cutoff)
                                .executeUpdate()));
    }

    /** The deliveries a digest took, oldest first. */
    public Uni<List<Delivery>> ofDigest(UUID digestId) {
        return list("digestId = ?1 order by createdAt, recordNumber, kind", digestId);
    }
}
