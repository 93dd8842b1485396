package org.itsm.support.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every service's time rules read (SLA clocks, windows, recurrence, event times): the UTC system clock,
 * unless a test supplies its own {@code Clock} bean (an alternative, or any other producer), which replaces this one.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
