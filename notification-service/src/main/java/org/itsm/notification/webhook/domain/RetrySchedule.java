package org.itsm.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: exponential backoff from {@code initialBackoff}, doubling per failed
 * attempt up to {@code maxBackoff}, each wait spread by ±{@code jitter} (a fraction, 0.2 = ±20 %) so that the
 * deliveries of one outage do not all return at the same instant. After {@code maxAttempts} failed attempts there is
 * no next one: the delivery is given up and its subscription marked failing. The defaults (30 s doubling to 4 h,
 * 12 attempts) spread the attempts over about twelve hours.
 */
public record RetrySchedule(Duration initialBackoff, Duration maxBackoff, int maxAttempts, double jitter) {

    public RetrySchedule {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                || maxAttempts < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("Unusable retry schedule: " + initialBackoff + ", " + maxBackoff + ", "
                    + maxAttempts + ", " + jitter);
        }
    }

    /** The wait after the {@code failedAttempts}-th failure, before jitter (1 → the initial backoff). */
    public Duration backoffAfter(int failedAttempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /**
     * The next attempt after the {@code failedAttempts}-th failure at {@code failedAt}, with {@code random} (uniform in
     * [0, 1)) placing it within the jitter; empty once {@code maxAttempts} attempts failed.
     */
    public Optional<Instant> nextAttempt(Instant failedAt, int failedAttempts, double random) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        double factor = 1 - jitter + 2 * jitter * random;
        long millis = Math.round(backoffAfter(failedAttempts).toMillis() * factor);
        return Optional.of(failedAt.plusMillis(Math.max(millis, 1)));
    }
}
