package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IncidentLinkRuleTest {

    private final IncidentLinkRule rule = new IncidentLinkRule();

    @Test
    void unknownAndCancelledIncidentsAreNamed() {
        IncidentLinkRule.Verdict verdict = rule.judge(List.of("INC0001001", "INC0001002", "INC0001003"),
                Map.of("INC0001001", "RESOLVED", "INC0001003", "CANCELLED"), Map.of());
        assertTrue(verdict.unprocessable());
        assertEquals(List.of("INC0001002"), verdict.unknown());
        assertEquals(List.of("INC0001003"), verdict.cancelled());
        assertTrue(verdict.messages().get(0).contains("INC0001002"));
        assertTrue(verdict.messages().get(0).contains("unknown to problem management"));
    }

    @Test
    void resolvedAndClosedIncidentsMayBeLinked() {
        IncidentLinkRule.Verdict verdict = rule.judge(List.of("INC0001001", "INC0001002"),
                Map.of("INC0001001", "RESOLVED", "INC0001002", "CLOSED"), Map.of());
        assertFalse(verdict.unprocessable());
        assertTrue(verdict.inOtherOpenProblem().isEmpty());
    }

    @Test
    void anIncidentOfAnotherOpenProblemIsAConflictNamingIt() {
        IncidentLinkRule.Verdict verdict = rule.judge(List.of("INC0001001"), Map.of("INC0001001", "NEW"),
                Map.of("INC0001001", "PRB0000042"));
        assertFalse(verdict.unprocessable());
        assertTrue(verdict.conflict().contains("INC0001001"));
        assertTrue(verdict.conflict().contains("PRB0000042"));
    }
}
