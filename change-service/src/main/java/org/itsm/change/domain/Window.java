package org.itsm.change.domain;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval [start, end): a change ending at 10:00 does not overlap one starting at 10:00. */
public record Window(Instant start, Instant end) {

    public Window {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    public boolean overlaps(Window other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Window other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
