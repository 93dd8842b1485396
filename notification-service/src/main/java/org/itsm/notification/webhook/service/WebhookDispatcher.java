package org.itsm.notification.webhook.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.config.WebhookConfig;
import org.itsm.notification.webhook.domain.RetrySchedule;
import org.itsm.notification.webhook.domain.TargetPolicy;
import org.itsm.notification.webhook.domain.WebhookAttempt;
import org.itsm.notification.webhook.domain.WebhookDelivery;
import org.itsm.notification.webhook.domain.WebhookSecret;
import org.itsm.notification.webhook.domain.WebhookSubscription;
import org.itsm.notification.webhook.repository.WebhookDeliveryRepository;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Posts due webhook deliveries. One run claims a batch ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work)
 * of active subscriptions and leases it by moving its next attempt past the request timeout, commits, then posts each
 * (a few at a time), signed per Standard Webhooks, after checking its target again. Each attempt is logged; a 2xx
 * delivers, anything else schedules the next attempt on the {@link RetrySchedule}, and the last failed attempt gives
 * the delivery up and marks its subscription failing. A crash between post and record leaves the row due again after
 * the lease: a webhook may then arrive twice (receivers dedupe by {@code webhook-id}), never be lost.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 1000;

    /** What a claimed delivery needs outside its transaction. */
    record Claimed(UUID id, UUID eventId, String url, String secret, String body) {
    }

    /** One attempt's outcome, to be recorded. */
    record Posted(UUID deliveryId, Instant attemptedAt, WebhookSender.Result result) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final Clock clock;
    private final WebhookConfig config;
    private final RetrySchedule schedule;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookTargets targets, WebhookSender sender,
            Clock clock, WebhookConfig config) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
        this.config = config;
        this.schedule = new RetrySchedule(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.retry().maxAttempts(), config.retry().jitter());
    }

    @Scheduled(every = "${itsm.notification.webhooks.dispatch.interval:2s}",
            delayed = "${itsm.notification.webhooks.dispatch.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        return dispatchOnce()
                .onFailure().invoke(failure -> LOG.warnf("Webhook dispatch run failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * One run: posts a few at a time, records the outcomes one after the other (they share the run's database
     * session); emits how many deliveries were attempted.
     */
    public Uni<Integer> dispatchOnce() {
        return claim().flatMap(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(this::post).merge(concurrency())
                .onItem().transformToUniAndConcatenate(this::record)
                .collect().asList()
                .map(List::size));
    }

    private int concurrency() {
        return Math.max(1, config.dispatch().concurrency());
    }

    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        // long enough for the whole batch to be posted, a few at a time, each within the request timeout
        int rounds = (config.dispatch().batchSize() + concurrency() - 1) / concurrency();
        Instant lease = now.plus(config.dispatch().requestTimeout().multipliedBy(rounds + 1L))
                .plus(Duration.ofSeconds(5));
        return Panache.withTransaction(() -> deliveries.claimDue(now, config.dispatch().batchSize())
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(List.<Claimed>of())
                        : WebhookSubscription.<WebhookSubscription>list("id in ?1",
                                due.stream().map(delivery -> delivery.subscriptionId).distinct().toList())
                                .map(found -> {
                                    Map<UUID, WebhookSubscription> subscriptions = found.stream()
                                            .collect(Collectors.toMap(s -> s.id, Function.identity()));
                                    return due.stream().map(delivery -> {
                                        delivery.nextAttemptAt = lease;
                                        WebhookSubscription subscription = subscriptions.get(delivery.subscriptionId);
                                        return new Claimed(delivery.id, delivery.eventId, subscription.url,
                                                subscription.secret, delivery.body);
                                    }).toList();
                                })));
    }

    private Uni<Posted> post(Claimed claimed) {
        Instant attemptedAt = clock.instant();
        return targets.check(claimed.url())
                .flatMap(target -> sender.post(target, headers(claimed, attemptedAt), claimed.body()))
                .onFailure(TargetPolicy.Refused.class).recoverWithItem(refused -> new WebhookSender.Result(null, 0,
                        "Target refused: the URL " + refused.getMessage()))
                .onFailure().recoverWithItem(failure -> new WebhookSender.Result(null, 0,
                        WebhookSender.describe(failure)))
                .map(result -> new Posted(claimed.id(), attemptedAt, result));
    }

    private Map<String, String> headers(Claimed claimed, Instant at) {
        long timestamp = at.getEpochSecond();
        String messageId = claimed.eventId().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/cloudevents+json; charset=utf-8");
        headers.put("user-agent", "ITSM-Webhooks/1.0");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSecret.sign(claimed.secret(), messageId, timestamp, claimed.body()));
        return headers;
    }

    private Uni<Void> record(Posted posted) {
        UUID deliveryId = posted.deliveryId();
        WebhookSender.Result result = posted.result();
        return Panache.withTransaction(() -> deliveries.findById(deliveryId).flatMap(delivery -> {
            if (delivery == null) {
                return Uni.createFrom().voidItem(); // its subscription was removed meanwhile
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.id = UUID.randomUUID();
            attempt.deliveryId = deliveryId;
            attempt.attemptedAt = posted.attemptedAt();
            attempt.statusCode = result.statusCode();
            attempt.durationMs = result.durationMs();
            attempt.error = result.error() == null || result.error().length() <= MAX_ERROR ? result.error()
                    : result.error().substring(0, MAX_ERROR);
            Instant now = clock.instant();
            if (result.delivered()) {
                delivery.delivered(now);
                return attempt.persist().replaceWithVoid();
            }
            boolean givenUp = delivery.failed(now, schedule, ThreadLocalRandom.current().nextDouble());
            LOG.infof("Webhook delivery %s failed (attempt %d)%s: %s", deliveryId, delivery.failedAttempts,
                    givenUp ? ", given up" : "", attempt.error);
            // the mark is one conditional update: of two deliveries given up at once, the first marks it
            Uni<Void> marked = !givenUp ? Uni.createFrom().voidItem()
                    : WebhookSubscription.update("active = false, failingSince = ?1, failureReason = ?2, updatedAt = ?1,"
                            + " version = version + 1 where id = ?3 and active = true", now,
                            giveUpReason(delivery, attempt), delivery.subscriptionId).replaceWithVoid();
            return attempt.persist().flatMap(ignored -> marked);
        }))
                .onFailure().invoke(failure -> LOG.warnf("Recording webhook delivery %s failed: %s", deliveryId,
                        failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static String giveUpReason(WebhookDelivery delivery, WebhookAttempt last) {
        String reason = "Delivery " + delivery.id + " (" + delivery.eventType + ") given up after "
                + delivery.failedAttempts + " attempts; last: " + (last.error == null ? "no answer" : last.error);
        return reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
    }
}
