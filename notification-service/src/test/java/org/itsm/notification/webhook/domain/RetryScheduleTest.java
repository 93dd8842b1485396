package org.itsm.notification.webhook.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T = Instant.parse("2026-12-08T01:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), 12, 0.2);

    @Test
    void theWaitDoublesFromTheInitialBackoffUpToTheCap() {
        assertThat(schedule.backoffAfter(1), equalTo(Duration.ofSeconds(30)));
        assertThat(schedule.backoffAfter(2), equalTo(Duration.ofMinutes(1)));
        assertThat(schedule.backoffAfter(5), equalTo(Duration.ofMinutes(8)));
        assertThat(schedule.backoffAfter(9), equalTo(Duration.ofSeconds(30 * 256)));
        assertThat(schedule.backoffAfter(10), equalTo(Duration.ofHours(4)));
        assertThat(schedule.backoffAfter(40), equalTo(Duration.ofHours(4)));
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFraction() {
        assertThat(schedule.nextAttempt(T, 2, 0.0), equalTo(Optional.of(T.plusSeconds(48))));
        assertThat(schedule.nextAttempt(T, 2, 0.5), equalTo(Optional.of(T.plusSeconds(60))));
        Instant latest = schedule.nextAttempt(T, 2, 0.99).orElseThrow();
        assertThat(latest, greaterThan(T.plusSeconds(71)));
        assertThat(latest, lessThan(T.plusSeconds(72)));
    }

    @Test
    void theAttemptsSpreadOverHoursThenStop() {
        Instant at = T;
        for (int failed = 1; failed < 12; failed++) {
            at = schedule.nextAttempt(at, failed, 0.5).orElseThrow();
        }
        // 30 s, 1, 2, 4, 8, 16, 32, 64, 128 min, then 4 h twice: the twelfth attempt comes about 12 h after the first
        assertThat(Duration.between(T, at), equalTo(Duration.ofSeconds(30).plusMinutes(1 + 2 + 4 + 8 + 16 + 32 + 64 + 128)
                .plusHours(8)));
        assertThat(schedule.nextAttempt(at, 12, 0.5).isPresent(), is(false));
    }

    @Test
    void anUnusableScheduleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), 3, 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), 3, 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofHours(1), 0, 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofHours(1), 3, 1.0));
    }
}
