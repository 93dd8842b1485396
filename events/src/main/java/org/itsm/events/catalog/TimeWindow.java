package org.itsm.events.catalog;

import java.time.Instant;

/**
 * A maintenance or blackout window. Without {@code weekly} it is the one-off interval [start, end). With
 * {@code weekly} it repeats every week at the given local times, from {@code start} (null: since always) until
 * {@code end} (null: for ever).
 */
public record TimeWindow(Instant start, Instant end, String description, WeeklyRecurrence weekly) {

    /** A one-off window. */
    public TimeWindow(Instant start, Instant end, String description) {
        this(start, end, description, null);
    }

    public boolean recurring() {
        return weekly != null;
    }
}
