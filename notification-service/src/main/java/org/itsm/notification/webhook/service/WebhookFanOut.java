package org.itsm.notification.webhook.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.domain.WebhookSubscription;
import org.itsm.notification.webhook.repository.WebhookDeliveryRepository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An event of the platform becomes one delivery per active subscription whose filter takes its type (at most one per
 * event and subscription). Runs inside the event inbox's transaction; posting is the dispatcher's job.
 */
@ApplicationScoped
public class WebhookFanOut {

    /**
     * What a delivery carries of the event: its id, type, subject and time (null when the event has none), and the
     * CloudEvent as structured JSON.
     */
    public record PlatformEvent(UUID id, String type, String subject, Instant occurredAt, String structuredJson) {
    }

    private static final int MAX_SUBJECT = 100;

    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookFanOut(WebhookDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The subject as the log keeps it (the body keeps it whole). */
    private static String shortened(String subject) {
        return subject == null || subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }

    /** Emits how many deliveries were planned. */
    public Uni<Integer> onEvent(PlatformEvent event) {
        Instant now = clock.instant();
        return WebhookSubscription.<WebhookSubscription>list("active = true")
                .flatMap(subscriptions -> {
                    List<WebhookSubscription> wanting = subscriptions.stream()
                            .filter(subscription -> subscription.wants(event.type(), event.occurredAt())).toList();
                    return Multi.createFrom().iterable(wanting)
                            .onItem().transformToUniAndConcatenate(subscription -> deliveries.planOnce(subscription.id,
                                    event.id(), event.type(), shortened(event.subject()), event.structuredJson(), now))
                            .collect().asList()
                            .map(planned -> (int) planned.stream().filter(Boolean::booleanValue).count());
                });
    }
}
