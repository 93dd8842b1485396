package org.itsm.change.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Risk from the assessment answers and the affected services' past failures. Each answer adds points; the total
 * gives the level: below 6 LOW, below 12 MEDIUM, otherwise HIGH. The reasons name every answer that added points,
 * so the level is explained.
 */
public final class RiskAssessment {

    static final int MEDIUM_FROM = 6;
    static final int HIGH_FROM = 12;

    /** The answers of the assessment. */
    public record Answers(Rating impact, Rating complexity, Rating backoutDifficulty, Testing testing) {
    }

    /** The score, its level and the answers that drove it. */
    public record Result(int score, RiskLevel level, List<String> reasons) {
    }

    private RiskAssessment() {
    }

    public static Result assess(Answers answers, int pastFailures) {
        List<String> reasons = new ArrayList<>();
        int score = add(reasons, "impact " + answers.impact(), scale(answers.impact(), 3))
                + add(reasons, "complexity " + answers.complexity(), scale(answers.complexity(), 2))
                + add(reasons, "backout difficulty " + answers.backoutDifficulty(),
                        scale(answers.backoutDifficulty(), 2))
                + add(reasons, "testing " + answers.testing(), switch (answers.testing()) {
                    case FULL -> 0;
                    case PARTIAL -> 2;
                    case NONE -> 4;
                })
                + add(reasons, pastFailures + " past failed change(s) on the affected services",
                        Math.min(pastFailures, 2) * 2);
        RiskLevel level = score >= HIGH_FROM ? RiskLevel.HIGH : score >= MEDIUM_FROM ? RiskLevel.MEDIUM : RiskLevel.LOW;
        if (reasons.isEmpty()) {
            reasons.add("low impact, simple, easy to back out, fully tested, no past failures");
        }
        return new Result(score, level, List.copyOf(reasons));
    }

    private static int scale(Rating rating, int weight) {
        return rating.ordinal() * weight;
    }

    private static int add(List<String> reasons, String answer, int points) {
        if (points > 0) {
            reasons.add(answer + " (+" + points + ")");
        }
        return points;
    }
}
