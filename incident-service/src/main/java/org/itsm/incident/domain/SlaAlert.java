package org.itsm.incident.domain;

import java.time.Instant;

/**
 * The alert mark an SLA clock carries on the incident (stored as the name). The rules:
 * <ul>
 * <li>{@link #deserved}: a clock past its target deserves BREACHED (running, paused or stopped late); a clock that
 * has not stopped deserves AT_RISK from the at-risk share of its target; otherwise nothing.</li>
 * <li>{@link #escalate}: under the same terms a mark only goes up (none → AT_RISK → BREACHED). A breach stays a
 * breach: nothing (reopen, re-resolve, a pause) clears it, and it is raised, evented and counted once.</li>
 * <li>{@link #recompute}: when the terms change (priority or offering), the mark is what the new terms say, up or
 * down.</li>
 * </ul>
 */
public enum SlaAlert {
    AT_RISK, BREACHED;

    public static SlaAlert deserved(SlaClock clock, Instant now) {
        double fraction = clock.elapsedFraction(now);
        if (fraction > 1.0) {
            return BREACHED;
        }
        if (clock.stoppedAt() == null && fraction >= clock.atRiskFraction()) {
            return AT_RISK;
        }
        return null;
    }

    /** The mark after a check under unchanged terms: never lower than the current one. */
    public static SlaAlert escalate(SlaAlert current, SlaAlert deserved) {
        if (current == BREACHED || deserved == null) {
            return current;
        }
        if (current == null || deserved == BREACHED) {
            return deserved;
        }
        return current;
    }

    /** The mark after the terms changed: what the clock deserves under the new terms. */
    public static SlaAlert recompute(SlaClock clockUnderNewTerms, Instant now) {
        return deserved(clockUnderNewTerms, now);
    }

    /** The stored name, or null. */
    public static SlaAlert of(String stored) {
        return stored == null ? null : valueOf(stored);
    }

    public static String name(SlaAlert alert) {
        return alert == null ? null : alert.name();
    }
}
