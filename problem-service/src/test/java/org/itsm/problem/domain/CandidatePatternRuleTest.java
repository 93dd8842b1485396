package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CandidatePatternRuleTest {

    private static final UUID MAIL = UUID.randomUUID();
    private static final UUID PRINT = UUID.randomUUID();

    private final CandidatePatternRule rule = new CandidatePatternRule();

    @Test
    void aDetectedCandidateMovedOntoAnotherPatternIsChecked() {
        Problem candidate = problem(ProblemSource.DETECTED, MAIL, "disk");
        assertTrue(rule.needsCheck(candidate, MAIL, "memory"));
        assertTrue(rule.needsCheck(candidate, PRINT, "disk"));
    }

    @Test
    void theSamePatternAnIncompleteOneOrAManualProblemIsNotChecked() {
        Problem candidate = problem(ProblemSource.DETECTED, MAIL, "disk");
        assertFalse(rule.needsCheck(candidate, MAIL, "disk"));
        assertFalse(rule.needsCheck(candidate, null, "disk"));
        assertFalse(rule.needsCheck(candidate, MAIL, null));
        assertFalse(rule.needsCheck(problem(ProblemSource.MANUAL, MAIL, "disk"), MAIL, "memory"));
    }

    @Test
    void theConflictNamesTheOtherCandidateAndSuggestsADuplicate() {
        Problem moved = problem(ProblemSource.DETECTED, MAIL, "disk");
        moved.number = "PRB0000002";
        Problem other = problem(ProblemSource.DETECTED, MAIL, "memory");
        other.number = "PRB0000001";
        assertEquals("PRB0000001 is the open detected candidate of this service and category; resolve PRB0000002 "
                + "as its DUPLICATE instead", rule.conflict(moved, other));
    }

    private static Problem problem(ProblemSource source, UUID serviceId, String category) {
        Problem problem = new Problem();
        problem.source = source;
        problem.serviceId = serviceId;
        problem.category = category;
        return problem;
    }
}
