package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.itsm.problem.domain.DuplicateRule.Original;
import org.itsm.problem.domain.DuplicateRule.Refusal;
import org.junit.jupiter.api.Test;

class DuplicateRuleTest {

    private final DuplicateRule rule = new DuplicateRule();

    @Test
    void anotherStandingProblemIsAnOriginal() {
        assertEquals(Optional.empty(), rule.judge("PRB0000002", "PRB0000001",
                new Original(ProblemState.ROOT_CAUSE_ANALYSIS, null)));
        assertEquals(Optional.empty(), rule.judge("PRB0000002", "PRB0000001",
                new Original(ProblemState.CLOSED, "PRB0000009")));
    }

    @Test
    void aProblemCannotDuplicateItselfOrANonexistentOne() {
        Refusal self = rule.judge("PRB0000002", "PRB0000002", null).orElseThrow();
        assertTrue(self.badReference());
        assertTrue(self.message().contains("itself"));
        Refusal missing = rule.judge("PRB0000002", "PRB0000001", null).orElseThrow();
        assertTrue(missing.badReference());
        assertTrue(missing.message().contains("PRB0000001"));
    }

    @Test
    void aCancelledProblemOrOneDuplicatingThisOneIsNoOriginal() {
        Refusal cancelled = rule.judge("PRB0000002", "PRB0000001", new Original(ProblemState.CANCELLED, null))
                .orElseThrow();
        assertFalse(cancelled.badReference());
        assertTrue(cancelled.message().contains("cancelled"));
        Refusal circular = rule.judge("PRB0000002", "PRB0000001", new Original(ProblemState.RESOLVED, "PRB0000002"))
                .orElseThrow();
        assertFalse(circular.badReference());
        assertTrue(circular.message().contains("itself a duplicate of PRB0000002"));
    }
}
