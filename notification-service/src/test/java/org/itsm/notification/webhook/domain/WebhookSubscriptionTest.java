package org.itsm.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private static final Instant MADE = Instant.parse("2026-12-08T02:00:00Z");
    private static final String CREATED = "itsm.incident.created.v1";

    private static WebhookSubscription subscription(boolean active, String... filter) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.active = active;
        subscription.eventTypes = List.of(filter);
        subscription.createdAt = MADE;
        return subscription;
    }

    @Test
    void takesEventsOfItsFilterFromTheMomentItWasMade() {
        WebhookSubscription subscription = subscription(true, "itsm.incident.*");
        assertTrue(subscription.wants(CREATED, MADE));
        assertTrue(subscription.wants(CREATED, MADE.plusSeconds(1)));
        assertFalse(subscription.wants("itsm.change.approved.v1", MADE.plusSeconds(1)));
    }

    @Test
    void neverSendsANewSubscriberThePast() {
        assertFalse(subscription(true, "*").wants(CREATED, MADE.minusMillis(1)));
    }

    @Test
    void anEventWithoutATimeCountsAsNew() {
        assertTrue(subscription(true, "*").wants(CREATED, null));
    }

    @Test
    void anInactiveSubscriptionTakesNothing() {
        assertFalse(subscription(false, "*").wants(CREATED, MADE.plusSeconds(1)));
    }
}
