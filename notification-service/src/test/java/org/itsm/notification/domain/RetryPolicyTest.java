package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);

    @Test
    void theBackoffDoublesPerAttemptUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(30), policy.backoffAfter(1));
        assertEquals(Duration.ofSeconds(60), policy.backoffAfter(2));
        assertEquals(Duration.ofSeconds(120), policy.backoffAfter(3));
        assertEquals(Duration.ofSeconds(240), policy.backoffAfter(4));
        assertEquals(Duration.ofMinutes(5), policy.backoffAfter(5));
        assertEquals(Duration.ofMinutes(5), policy.backoffAfter(500));
    }

    @Test
    void theNextAttemptIsTheFailurePlusTheBackoff() {
        Instant failedAt = Instant.parse("2026-03-01T10:00:00Z");
        assertEquals(Instant.parse("2026-03-01T10:01:00Z"), policy.nextAttempt(failedAt, 2));
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() {
        assertFalse(policy.exhausted(3));
        assertTrue(policy.exhausted(4));
    }

    @Test
    void aFailedDeliveryWaitsThenIsGivenUp() {
        Delivery delivery = new Delivery();
        delivery.status = DeliveryStatus.PENDING;
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        delivery.failed("connection refused", at, policy);
        assertEquals(DeliveryStatus.PENDING, delivery.status);
        assertEquals(at.plusSeconds(30), delivery.nextAttemptAt);
        delivery.failed("connection refused", at, policy);
        delivery.failed("connection refused", at, policy);
        delivery.failed("connection refused", at, policy);
        assertEquals(DeliveryStatus.FAILED, delivery.status);
        assertEquals(4, delivery.attempts);
        assertEquals("connection refused", delivery.lastError);
    }

    @Test
    void unusablePoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
    }
}
