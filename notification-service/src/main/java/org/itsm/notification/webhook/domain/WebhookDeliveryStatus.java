package org.itsm.notification.webhook.domain;

/** Where a webhook delivery stands. */
public enum WebhookDeliveryStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** The target answered 2xx. */
    DELIVERED,
    /** Given up after the retry schedule's last attempt (its subscription was marked failing); it can be replayed. */
    FAILED
}
