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

    /** The answers of the assessment; each may be missing (null) until the assessment. */
    public record Answers(Rating impact, Rating complexity, Rating backoutDifficulty, Testing testing) {

        public static final Answers NONE = new Answers(null, null, null, null);

        /** These answers, completed by the ones {@code given} (a given answer replaces the stored one). */
        public Answers completedBy(Answers given) {
            return new Answers(given.impact() != null ? given.impact() : impact,
                    given.complexity() != null ? given.complexity() : complexity,
                    given.backoutDifficulty() != null ? given.backoutDifficulty() : backoutDifficulty,
                    given.testing() != null ? given.testing() : testing);
        }

        /** The questions still unanswered, in the order asked; empty when the assessment is complete. */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (impact == null) {
                missing.add("impact");
            }
            if (complexity == null) {
                missing.add("complexity");
            }
            if (backoutDifficulty == null) {
                missing.add("backoutDifficulty");
            }
            if (testing == null) {
                missing.add("testing");
            }
            return missing;
        }

        public boolean complete() {
            return missing().isEmpty();
        }
    }

    /** The risk of an emergency change submitted without a complete assessment. */
    public static final String UNASSESSED_EMERGENCY = "emergency change without a risk assessment: treated as HIGH";

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
