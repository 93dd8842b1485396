package org.itsm.notification.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.itsm.support.persistence.JsonColumn;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An integrator's subscription: where the platform's events are posted (a URL the {@link TargetPolicy} admits),
 * which ones ({@link EventTypeFilter}), and the secret that signs them. Events are delivered while it is active; a
 * delivery given up after its retries marks it failing ({@code WebhookDispatcher}), which deactivates it until
 * someone activates it again ({@link #activate}).
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Converter
    public static class EventTypes extends JsonColumn<List<String>> {
        public EventTypes() {
            super(new TypeReference<>() {
            });
        }
    }

    @Id
    public UUID id;
    public String url;
    @Column(name = "event_types")
    @Convert(converter = EventTypes.class)
    public List<String> eventTypes;
    public String secret;
    public String description;
    public boolean active;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * Whether an event goes to this subscription: active, its filter takes the type, and the event did not happen
     * before the subscription was made (a consumer catching up on older events, as a new deployment does, must not
     * send a new subscriber the past). An event without a time counts as new.
     */
    public boolean wants(String eventType, Instant occurredAt) {
        return active && EventTypeFilter.matches(eventTypes, eventType)
                && (occurredAt == null || createdAt == null || !occurredAt.isBefore(createdAt));
    }

    /** Switches deliveries on or off; switching on clears a failing mark, and waiting deliveries go out again. */
    public void activate(boolean on, Instant now) {
        active = on;
        if (on) {
            failingSince = null;
            failureReason = null;
        }
        updatedAt = now;
    }
}
