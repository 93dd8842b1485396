package org.itsm.notification.webhook.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One event for one subscription (unique per event and subscription): planned when the event arrives, then posted,
 * retried on the {@link RetrySchedule}, delivered or given up. The body (the CloudEvent in structured JSON) is kept, so
 * every attempt and a replay send the same bytes. The table is the queue: nothing is lost across a restart.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "event_subject")
    public String eventSubject;
    public String body;
    @Enumerated(EnumType.STRING)
    public WebhookDeliveryStatus status;
    /** Failed attempts since the delivery was planned or last replayed: they set the backoff. */
    @Column(name = "failed_attempts")
    public int failedAttempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Version
    public long version;

    public void delivered(Instant at) {
        status = WebhookDeliveryStatus.DELIVERED;
        deliveredAt = at;
    }

    /**
     * An attempt failed at {@code at}: the next one is scheduled, or, with none left, the delivery is given up.
     * Emits whether it was given up.
     */
    public boolean failed(Instant at, RetrySchedule schedule, double random) {
        failedAttempts++;
        Optional<Instant> next = schedule.nextAttempt(at, failedAttempts, random);
        if (next.isPresent()) {
            nextAttemptAt = next.get();
            return false;
        }
        status = WebhookDeliveryStatus.FAILED;
        return true;
    }

    /** Sent again now, with a fresh retry schedule, whatever happened to it before. */
    public void replay(Instant now) {
        status = WebhookDeliveryStatus.PENDING;
        failedAttempts = 0;
        nextAttemptAt = now;
        deliveredAt = null;
    }
}
