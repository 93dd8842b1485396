package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.itsm.change.domain.RiskAssessment.Answers;
import org.itsm.change.domain.RiskAssessment.Result;
import org.junit.jupiter.api.Test;

class RiskAssessmentTest {

    @Test
    void lowEverywhereIsLowAndSaysSo() {
        Result result = RiskAssessment.assess(new Answers(Rating.LOW, Rating.LOW, Rating.LOW, Testing.FULL), 0);
        assertEquals(0, result.score());
        assertEquals(RiskLevel.LOW, result.level());
        assertEquals(1, result.reasons().size());
    }

    @Test
    void answersAddUpAndAreExplained() {
        // impact MEDIUM 3 + complexity MEDIUM 2 + testing PARTIAL 2 = 7
        Result result = RiskAssessment.assess(new Answers(Rating.MEDIUM, Rating.MEDIUM, Rating.LOW, Testing.PARTIAL), 0);
        assertEquals(7, result.score());
        assertEquals(RiskLevel.MEDIUM, result.level());
        assertEquals(3, result.reasons().size());
        assertTrue(result.reasons().get(0).startsWith("impact MEDIUM"));
    }

    @Test
    void levelBoundaries() {
        // 3 + 2 = 5: still LOW; one more past failure (+2) = 7 MEDIUM
        Answers answers = new Answers(Rating.MEDIUM, Rating.MEDIUM, Rating.LOW, Testing.FULL);
        assertEquals(RiskLevel.LOW, RiskAssessment.assess(answers, 0).level());
        assertEquals(RiskLevel.MEDIUM, RiskAssessment.assess(answers, 1).level());
        // 6 + 4 + 2 = 12: HIGH from 12
        Answers risky = new Answers(Rating.HIGH, Rating.HIGH, Rating.MEDIUM, Testing.FULL);
        assertEquals(12, RiskAssessment.assess(risky, 0).score());
        assertEquals(RiskLevel.HIGH, RiskAssessment.assess(risky, 0).level());
    }

    @Test
    void pastFailuresCountUpToTwo() {
        Answers answers = new Answers(Rating.LOW, Rating.LOW, Rating.LOW, Testing.FULL);
        assertEquals(2, RiskAssessment.assess(answers, 1).score());
        assertEquals(4, RiskAssessment.assess(answers, 2).score());
        assertEquals(4, RiskAssessment.assess(answers, 9).score());
        assertTrue(RiskAssessment.assess(answers, 9).reasons().get(0).contains("9 past failed"));
    }
}
