package org.itsm.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The services' clock in the component tests: the system's UTC clock, until a test sets the time with
 * {@link #setTo} (and puts it back with {@link #reset}), so time rules such as due dates can be checked exactly.
 * Producing a {@code Clock} replaces service-support's default {@code SystemClock}.
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public static void setTo(Instant now) {
        INSTANCE.fixed.set(now);
    }

    public static void reset() {
        INSTANCE.fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now();
    }

    /** The bean the services inject. */
    public static class Producer {

        @Produces
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}
