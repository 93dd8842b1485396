package org.itsm.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the system clock, X
 * digest hour to come). Tests shift it and always reset it ({@link #reset()}) in a finally block.
 */
@Alternative
@Priority(1)
@Singleton
public class ShiftableClock extends Clock {

    private static volatile Duration shift = Duration.ZERO;

    public static void shift(Duration by) {
        shift = by;
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
