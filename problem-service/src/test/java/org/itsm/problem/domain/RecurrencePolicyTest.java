package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.itsm.problem.domain.RecurrencePolicy.Report;
import org.junit.jupiter.api.Test;

class RecurrencePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private final RecurrencePolicy policy = new RecurrencePolicy(3, Duration.ofHours(24));

    @Test
    void threeReportsWithinTheWindowRecur() {
        Report latest = report("INC0001003", 23);
        List<Report> recurring = policy.recurring(latest, List.of(report("INC0001001", 0), report("INC0001002", 5),
                latest));
        assertEquals(List.of("INC0001001", "INC0001002", "INC0001003"),
                recurring.stream().map(Report::incidentNumber).toList());
    }

    @Test
    void twoReportsAreNotYetAPattern() {
        Report latest = report("INC0001002", 1);
        assertTrue(policy.recurring(latest, List.of(report("INC0001001", 0), latest)).isEmpty());
    }

    @Test
    void reportsOutsideTheWindowDoNotCount() {
        Report latest = report("INC0001003", 30);
        assertTrue(policy.recurring(latest, List.of(report("INC0001001", 0), report("INC0001002", 5), latest))
                .isEmpty());
    }

    @Test
    void theWindowBoundaryIsInclusive() {
        Report latest = report("INC0001003", 24);
        assertEquals(3, policy.recurring(latest, List.of(report("INC0001001", 0), report("INC0001002", 12), latest))
                .size());
    }

    @Test
    void reportsReceivedEarlierButMadeLaterCount() {
        Report latest = report("INC0001001", 0);
        assertEquals(3, policy.recurring(latest, List.of(latest, report("INC0001002", 3), report("INC0001003", 20)))
                .size());
    }

    @Test
    void allReportsLieWithinOneWindow() {
        // 0 h, 20 h and 40 h: each pair of neighbours is close, but no single window holds three
        Report latest = report("INC0001002", 20);
        assertTrue(policy.recurring(latest, List.of(report("INC0001001", 0), latest, report("INC0001003", 40)))
                .isEmpty());
    }

    @Test
    void theFullestWindowAroundTheReportIsTaken() {
        // windows holding the report at 24 h: from 0 h (3 reports), from 14 h (4), from 24 h (3)
        Report latest = report("INC0001003", 24);
        List<Report> recurring = policy.recurring(latest, List.of(report("INC0001001", 0), report("INC0001002", 14),
                latest, report("INC0001004", 30), report("INC0001005", 36)));
        assertEquals(List.of("INC0001002", "INC0001003", "INC0001004", "INC0001005"),
                recurring.stream().map(Report::incidentNumber).toList());
    }

    @Test
    void theLatestReportMustBeAmongThem() {
        Report latest = report("INC0001004", 3);
        assertTrue(policy.recurring(latest, List.of(report("INC0001001", 0), report("INC0001002", 1),
                report("INC0001003", 2))).isEmpty());
    }

    @Test
    void thresholdAndWindowMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new RecurrencePolicy(1, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RecurrencePolicy(3, Duration.ZERO));
    }

    private static Report report(String number, int hoursAfterStart) {
        return new Report(number, T0.plus(Duration.ofHours(hoursAfterStart)));
    }

    @Test
    void incidentsCountWhateverTheirStateNowButCancelledOnesDoNot() {
        Report latest = new Report("INC0001003", T0.plus(Duration.ofHours(2)), "NEW");
        List<Report> reports = List.of(new Report("INC0001001", T0, "RESOLVED"),
                new Report("INC0001002", T0.plus(Duration.ofHours(1)), "CLOSED"), latest);
        assertEquals(3, policy.recurring(latest, reports).size());
        List<Report> withCancelled = List.of(new Report("INC0001001", T0, "CANCELLED"),
                new Report("INC0001002", T0.plus(Duration.ofHours(1)), "RESOLVED"), latest);
        assertTrue(policy.recurring(latest, withCancelled).isEmpty());
        assertTrue(RecurrencePolicy.counts("ON_HOLD"));
        assertTrue(!RecurrencePolicy.counts("CANCELLED"));
    }
}
