package org.itsm.change.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Time rules of the planned window.
 * <ul>
 * <li>A window given when a change is raised or edited must not start in the past (a grace of {@link #GRACE} lets an
 * emergency change plan "now" despite request time and clock skew).</li>
 * <li>A change is scheduled only while its window has not ended.</li>
 * <li>Implementation starts inside the window [start, end); outside it only with a recorded reason (an override,
 * kept in the history and on the implementation-started event).</li>
 * </ul>
 */
public final class WindowRules {

    public static final Duration GRACE = Duration.ofMinutes(5);

    private WindowRules() {
    }

    /** Why a newly planned window is refused; empty when it may be planned. */
    public static Optional<String> planRefusal(Window window, Instant now) {
        if (window != null && window.start().isBefore(now.minus(GRACE))) {
            return Optional.of("the window starts in the past (" + window.start() + "; now " + now + ")");
        }
        return Optional.empty();
    }

    /** Why the change cannot be scheduled for this window now; empty when it can. */
    public static Optional<String> scheduleRefusal(Window window, Instant now) {
        if (window != null && !window.end().isAfter(now)) {
            return Optional.of("the planned window ended at " + window.end() + "; plan a new window first");
        }
        return Optional.empty();
    }

    /** Whether {@code now} lies inside the window [start, end); never without a window. */
    public static boolean inside(Window window, Instant now) {
        return window != null && !now.isBefore(window.start()) && now.isBefore(window.end());
    }

    /**
     * Why the implementation cannot start now; empty when now is inside the window, or when an override reason is
     * given.
     */
    public static Optional<String> implementationRefusal(Window window, Instant now, String overrideReason) {
        if (inside(window, now) || overrideReason != null && !overrideReason.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(window == null ? "the change has no planned window"
                : "now (" + now + ") is outside the planned window " + window.start() + " to " + window.end()
                        + "; give outsideWindowReason to start anyway");
    }
}
