package org.itsm.problem.domain;

import java.util.UUID;

/**
 * One open detected candidate per service and category (the partial unique index behind recurring-incident
 * detection): a candidate moved onto the service and category of another open one is refused, naming it; it should
 * be resolved as that one's DUPLICATE instead.
 */
public final class CandidatePatternRule {

    /**
     * Whether an edit to {@code serviceId} and {@code category} (the values after the edit) must be checked against
     * the other open candidates: only a detected candidate that lands on a complete, different pattern.
     */
    public boolean needsCheck(Problem problem, UUID serviceId, String category) {
        return problem.source == ProblemSource.DETECTED && serviceId != null && category != null
                && !(serviceId.equals(problem.serviceId) && category.equals(problem.category));
    }

    /** The refusal when {@code other} is already the open candidate of the pattern. */
    public String conflict(Problem problem, Problem other) {
        return other.number + " is the open detected candidate of this service and category; resolve "
                + problem.number + " as its DUPLICATE instead";
    }
}
