package org.itsm.events.catalog;

import java.time.Instant;

/** A maintenance or blackout window. */
public record TimeWindow(Instant start, Instant end, String description) {
}
