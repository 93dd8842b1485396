package org.itsm.notification.domain;

import java.time.Instant;
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
 * One mail to one recipient about one event: planned when the event arrives (unique per event, recipient and kind),
 * then sent, retried with backoff, or given up. The table is the retry queue, so nothing is lost across a restart.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "record_number")
    public String recordNumber;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    /** What the templates show, as JSON: number, description, priority, clock… */
    public String facts;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    public String email;
    public String language;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** The daily digest that took this delivery (DIGESTED); null otherwise. */
    @Column(name = "digest_id")
    public UUID digestId;
    @Version
    public long version;

    /** Accepted by the SMTP server. */
    public void sent(String address, String mailLanguage, Instant at) {
        attempts++;
        email = address;
        language = mailLanguage;
        status = DeliveryStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** The attempt failed: tried again after the policy's backoff, or given up when it is exhausted. */
    public void failed(String error, Instant at, RetryPolicy policy) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (policy.exhausted(attempts)) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = policy.nextAttempt(at, attempts);
        }
    }

    /** The recipient does not want this kind of mail: not sent, and not tried again. */
    public void suppressed() {
        status = DeliveryStatus.SUPPRESSED;
        lastError = null;
    }

    /** An audience's delivery: the members' own deliveries were planned in its place. */
    public void expanded(int members) {
        attempts++;
        status = DeliveryStatus.EXPANDED;
        lastError = members == 0 ? "The audience has no members" : null;
    }

    /** The recipient takes this kind in their daily digest: it waits for the next one. */
    public void queued() {
        status = DeliveryStatus.QUEUED;
        lastError = null;
    }

    /** The directory has no address for the recipient: no retry would help. */
    public void undeliverable(String reason) {
        attempts++;
        status = DeliveryStatus.UNDELIVERABLE;
        lastError = reason;
    }
}
