package org.itsm.notification.webhook.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.domain.EventTypeFilter;
import org.itsm.notification.webhook.domain.TargetPolicy;
import org.itsm.notification.webhook.domain.WebhookSecret;
import org.itsm.notification.webhook.domain.WebhookSubscription;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Making, reading, changing and removing webhook subscriptions. */
@ApplicationScoped
public class WebhookSubscriptions {

    public static final int MAX_DESCRIPTION = 500;

    /** A new subscription; a null secret is generated, a null {@code active} means active. */
    public record NewSubscription(String url, List<String> eventTypes, String secret, String description,
            Boolean active) {
    }

    /** A change: each non-null field replaces the current value. */
    public record SubscriptionChange(String url, List<String> eventTypes, String secret, String description,
            Boolean active) {
    }

    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookSubscriptions(WebhookTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    public Uni<WebhookSubscription> create(NewSubscription request, String actor) {
        return validated(request.url(), true, request.eventTypes(), true, request.secret(), request.description())
                .flatMap(eventTypes -> Panache.withTransaction(() -> persist(request, eventTypes, actor)));
    }

    private Uni<WebhookSubscription> persist(NewSubscription request, List<String> eventTypes, String actor) {
        Instant now = clock.instant();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.url = request.url();
        subscription.eventTypes = eventTypes;
        subscription.secret = request.secret() == null ? WebhookSecret.generate() : request.secret();
        subscription.description = request.description();
        subscription.active = request.active() == null || request.active();
        subscription.createdBy = actor;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        return subscription.<WebhookSubscription>persist();
    }

    @WithSession
    public Uni<List<WebhookSubscription>> list() {
        return WebhookSubscription.list("order by createdAt");
    }

    @WithSession
    public Uni<WebhookSubscription> get(UUID id) {
        return find(id);
    }

    public Uni<WebhookSubscription> change(UUID id, String ifMatch, SubscriptionChange change) {
        return validated(change.url(), false, change.eventTypes(), false, change.secret(), change.description())
                .flatMap(eventTypes -> Panache.withTransaction(() -> apply(id, ifMatch, change, eventTypes)));
    }

    private Uni<WebhookSubscription> apply(UUID id, String ifMatch, SubscriptionChange change, List<String> eventTypes) {
        return find(id).map(subscription -> {
            ETags.requireCurrent(ifMatch, subscription.version);
            Instant now = clock.instant();
            if (change.url() != null) {
                subscription.url = change.url();
            }
            if (eventTypes != null) {
                subscription.eventTypes = eventTypes;
            }
            if (change.secret() != null) {
                subscription.secret = change.secret();
            }
            if (change.description() != null) {
                subscription.description = change.description().isBlank() ? null : change.description();
            }
            if (change.active() != null) {
                subscription.activate(change.active(), now);
            }
            subscription.updatedAt = now;
            return subscription;
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return find(id).flatMap(subscription -> {
            ETags.requireCurrent(ifMatch, subscription.version);
            return subscription.delete();
        });
    }

    private static Uni<WebhookSubscription> find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findById(id).map(found -> {
            if (found == null) {
                throw ApiProblem.notFound("Webhook subscription", id);
            }
            return found;
        });
    }

    /**
     * Checks the fields a request names (the required ones must be there); emits the normalised event types (null when
     * none were given) or fails with a 400 naming every offending field.
     */
    private Uni<List<String>> validated(String url, boolean urlRequired, List<String> eventTypes,
            boolean eventTypesRequired, String secret, String description) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        List<String> normalised = null;
        if (eventTypes != null || eventTypesRequired) {
            EventTypeFilter.Result filter = EventTypeFilter.normalise(eventTypes);
            filter.errors().forEach(error -> errors.add(new ProblemDetail.FieldError("eventTypes", error)));
            normalised = filter.entries();
        }
        if (secret != null) {
            String refusal = WebhookSecret.refusal(secret);
            if (refusal != null) {
                errors.add(new ProblemDetail.FieldError("secret", refusal));
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new ProblemDetail.FieldError("description", "may have at most " + MAX_DESCRIPTION
                    + " characters"));
        }
        List<String> types = normalised;
        Uni<Void> urlCheck = url == null && !urlRequired ? Uni.createFrom().voidItem()
                : targets.check(url).replaceWithVoid().onFailure(TargetPolicy.Refused.class).recoverWithUni(refused -> {
                    errors.add(new ProblemDetail.FieldError("url", refused.getMessage()));
                    return Uni.createFrom().voidItem();
                });
        return urlCheck.map(ignored -> {
            if (!errors.isEmpty()) {
                throw ApiProblem.invalidFields(errors);
            }
            return types;
        });
    }
}
