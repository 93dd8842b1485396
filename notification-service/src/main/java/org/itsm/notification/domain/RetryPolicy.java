package org.itsm.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed send is tried again: exponential backoff from {@code initialBackoff}, doubling per attempt up to
 * {@code maxBackoff}; after {@code maxAttempts} attempts the delivery is given up (FAILED).
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public RetryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                || maxAttempts < 1) {
            throw new IllegalArgumentException("Unusable retry policy: " + initialBackoff + ", " + maxBackoff + ", "
                    + maxAttempts);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 → initial backoff). */
    public Duration backoffAfter(int attempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Whether a delivery that failed {@code attempts} times is given up. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The time of the next attempt after the {@code attempts}-th failure at {@code failedAt}. */
    public Instant nextAttempt(Instant failedAt, int attempts) {
        return failedAt.plus(backoffAfter(attempts));
    }
}
