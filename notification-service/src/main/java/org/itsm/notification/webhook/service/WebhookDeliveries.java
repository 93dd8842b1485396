package org.itsm.notification.webhook.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.domain.WebhookAttempt;
import org.itsm.notification.webhook.domain.WebhookDelivery;
import org.itsm.notification.webhook.domain.WebhookSubscription;
import org.itsm.notification.webhook.repository.WebhookDeliveryRepository;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.PageRequest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** A subscription's delivery log (each delivery with its attempts) and the replay of a delivery. */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery and its attempts, oldest attempt first. */
    public record LoggedDelivery(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    /** One page of the log, newest delivery first. */
    public record LogPage(List<LoggedDelivery> items, int page, int size, long total) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @WithSession
    public Uni<LogPage> log(UUID subscriptionId, PageRequest page) {
        return subscription(subscriptionId).flatMap(ignored -> {
            var query = deliveries.find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId)
                    .page(Page.of(page.page(), page.size()));
            return query.list().flatMap(found -> query.count().flatMap(total -> attemptsOf(found)
                    .map(attempts -> new LogPage(found.stream().map(delivery -> new LoggedDelivery(delivery,
                            attempts.getOrDefault(delivery.id, List.of()))).toList(), page.page(), page.size(),
                            total))));
        });
    }

    /**
     * Sends a delivery again now with a fresh retry schedule, whatever its status; the subscription must be active
     * (a failing one is activated first, by a change with {@code active: true}).
     */
    @WithTransaction
    public Uni<LoggedDelivery> replay(UUID subscriptionId, UUID deliveryId) {
        return subscription(subscriptionId).flatMap(subscription -> {
            if (!subscription.active) {
                throw ApiProblem.conflict("Webhook subscription " + subscriptionId + " is not active"
                        + (subscription.failingSince != null ? " (failing)" : "")
                        + "; activate it (PATCH {\"active\": true}) before replaying");
            }
            return deliveries.findById(deliveryId).flatMap(delivery -> {
                if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
                    throw ApiProblem.notFound("Webhook delivery", deliveryId);
                }
                delivery.replay(clock.instant());
                return attemptsOf(List.of(delivery)).map(attempts -> new LoggedDelivery(delivery,
                        attempts.getOrDefault(delivery.id, List.of())));
            });
        });
    }

    private static Uni<WebhookSubscription> subscription(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findById(id).map(found -> {
            if (found == null) {
                throw ApiProblem.notFound("Webhook subscription", id);
            }
            return found;
        });
    }

    private static Uni<Map<UUID, List<WebhookAttempt>>> attemptsOf(List<WebhookDelivery> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by attemptedAt, id",
                found.stream().map(delivery -> delivery.id).toList())
                .map(attempts -> attempts.stream().collect(Collectors.groupingBy(attempt -> attempt.deliveryId)));
    }
}
