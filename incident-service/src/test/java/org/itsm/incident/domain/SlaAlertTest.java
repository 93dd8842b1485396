package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.itsm.events.catalog.BusinessCalendar;
import org.junit.jupiter.api.Test;

class SlaAlertTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private static SlaClock clock(long targetMinutes, Instant stoppedAt) {
        return new SlaClock(BusinessCalendar.ALWAYS, START, Duration.ofMinutes(targetMinutes), Duration.ZERO, null,
                stoppedAt, 0.75);
    }

    private static Instant at(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aClockDeservesAtRiskFromTheShareAndBreachedPastTheTarget() {
        assertNull(SlaAlert.deserved(clock(100, null), at(70)));
        assertEquals(SlaAlert.AT_RISK, SlaAlert.deserved(clock(100, null), at(80)));
        assertEquals(SlaAlert.BREACHED, SlaAlert.deserved(clock(100, null), at(101)));
    }

    @Test
    void aClockStoppedLateIsABreachEvenIfNoMonitorRunSawItRunningLate() {
        assertEquals(SlaAlert.BREACHED, SlaAlert.deserved(clock(100, at(120)), at(121)));
        assertNull(SlaAlert.deserved(clock(100, at(90)), at(200)), "met, so neither breached nor at risk");
    }

    @Test
    void aBreachStaysABreachUnderTheSameTerms() {
        // reopened: the mark must not fall back to nothing (nor be raised, evented and counted a second time)
        assertEquals(SlaAlert.BREACHED, SlaAlert.escalate(SlaAlert.BREACHED, null));
        assertEquals(SlaAlert.BREACHED, SlaAlert.escalate(SlaAlert.BREACHED, SlaAlert.AT_RISK));
        assertEquals(SlaAlert.BREACHED, SlaAlert.escalate(SlaAlert.BREACHED, SlaAlert.BREACHED));
        assertEquals(SlaAlert.AT_RISK, SlaAlert.escalate(SlaAlert.AT_RISK, null));
        assertEquals(SlaAlert.BREACHED, SlaAlert.escalate(SlaAlert.AT_RISK, SlaAlert.BREACHED));
        assertEquals(SlaAlert.AT_RISK, SlaAlert.escalate(null, SlaAlert.AT_RISK));
    }

    @Test
    void newTermsRecomputeTheMarkUpOrDown() {
        // P1 (240 min) breached after 5 hours; the same clock under P5 terms (10 080 min) is on track
        assertEquals(SlaAlert.BREACHED, SlaAlert.recompute(clock(240, null), at(300)));
        assertNull(SlaAlert.recompute(clock(10_080, null), at(300)));
        assertEquals(SlaAlert.AT_RISK, SlaAlert.recompute(clock(360, null), at(300)));
    }
}
