package org.itsm.incident.domain;

import java.time.Duration;
import java.time.Instant;

import org.itsm.events.catalog.BusinessCalendar;

/**
 * One SLA clock (response or resolution): the target in working time counted on a calendar from the start, plus
 * the working time spent paused while it ran. The due time moves out by every pause that happens while the clock
 * runs; a pause after the clock stopped counts nothing against it ({@link #pauseCounted}). A priority change swaps
 * the target and keeps the paused time.
 *
 * @param start        when the clock started (incident opened)
 * @param target       agreed working time to respond or resolve
 * @param pausedBefore working time paused in earlier, finished pauses while this clock ran
 * @param pausedSince  start of the current pause, or null
 * @param stoppedAt    when the clock stopped (responded / resolved), or null
 */
public record SlaClock(BusinessCalendar calendar, Instant start, Duration target, Duration pausedBefore,
        Instant pausedSince, Instant stoppedAt, double atRiskFraction) {

    public Instant dueAt(Instant now) {
        return calendar.plus(start, target.plus(pausedTotal(now)));
    }

    /** When the running clock reaches the at-risk share of its target (pauses so far included). */
    public Instant atRiskAt(Instant now) {
        return calendar.plus(start, Duration.ofMillis((long) (target.toMillis() * atRiskFraction)).plus(pausedTotal(now)));
    }

    /**
     * The working time of a pause from {@code from} to {@code to} that counts against this clock: only the part while
     * the clock ran (after its start, before it stopped). A pause after the clock stopped counts nothing.
     */
    public Duration pauseCounted(Instant from, Instant to) {
        Instant countFrom = from.isBefore(start) ? start : from;
        Instant countTo = stoppedAt != null && stoppedAt.isBefore(to) ? stoppedAt : to;
        return calendar.between(countFrom, countTo);
    }

    /** The alert the clock deserves now ({@link SlaAlert#deserved}). */
    public SlaAlert alert(Instant now) {
        return SlaAlert.deserved(this, now);
    }

    public Duration pausedTotal(Instant now) {
        Instant pauseEnd = stoppedAt != null ? stoppedAt : now;
        return pausedSince == null ? pausedBefore : pausedBefore.plus(pauseCounted(pausedSince, pauseEnd));
    }

    /** Working time the clock has run, pauses excluded. */
    public Duration elapsed(Instant now) {
        Instant end = stoppedAt != null ? stoppedAt : now;
        Duration running = calendar.between(start, end).minus(pausedTotal(now));
        return running.isNegative() ? Duration.ZERO : running;
    }

    public double elapsedFraction(Instant now) {
        return target.isZero() ? 1.0 : (double) elapsed(now).toMillis() / target.toMillis();
    }

    public SlaState state(Instant now) {
        double fraction = elapsedFraction(now);
        if (stoppedAt != null) {
            return fraction <= 1.0 ? SlaState.MET : SlaState.MISSED;
        }
        if (fraction > 1.0) {
            return SlaState.BREACHED;
        }
        if (pausedSince != null) {
            return SlaState.PAUSED;
        }
        return fraction >= atRiskFraction ? SlaState.AT_RISK : SlaState.ON_TRACK;
    }
}
