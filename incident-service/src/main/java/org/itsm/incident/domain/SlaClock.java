package org.itsm.incident.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock (response or resolution): the target in working time counted on a calendar from the start, plus
 * the working time spent paused. The due time moves out by every pause; a priority change swaps the target and
 * keeps the paused time.
 *
 * @param start        when the clock started (incident opened)
 * @param target       agreed working time to respond or resolve
 * @param pausedBefore working time paused in earlier, finished pauses
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

    public Duration pausedTotal(Instant now) {
        Instant pauseEnd = stoppedAt != null ? stoppedAt : now;
        return pausedSince == null ? pausedBefore : pausedBefore.plus(calendar.between(pausedSince, pauseEnd));
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
