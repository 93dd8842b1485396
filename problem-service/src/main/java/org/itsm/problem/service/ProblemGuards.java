package org.itsm.problem.service;

import java.util.List;

import org.itsm.events.api.ProblemType;
import org.itsm.problem.domain.Move;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.domain.ProblemLifecycle;
import org.itsm.problem.domain.ResolutionCode;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

/**
 * The lifecycle's refusals as domain errors: an action the state does not admit (409 naming what it admits), a
 * move's unmet requirements (422 naming the fields). The rules themselves are {@link ProblemLifecycle}'s.
 */
final class ProblemGuards {

    private static final ProblemLifecycle LIFECYCLE = new ProblemLifecycle();

    private ProblemGuards() {
    }

    /** Refuses, with 409 naming what the state admits, an action ProblemLifecycle does not allow now. */
    static void requireAllowed(Problem problem, ProblemAction action) {
        LIFECYCLE.refusal(problem.state, action).ifPresent(refusal -> {
            throw new ApiProblem(ProblemType.CONFLICT, refusal + " (" + problem.number + ")", null,
                    LIFECYCLE.allowedActions(problem.state).stream().map(ProblemAction::action).toList());
        });
    }

    /** Refuses a move whose requirements the problem and the request do not meet. */
    static void requireMet(Move move, ResolutionCode code, ProblemLifecycle.Facts facts) {
        List<ProblemLifecycle.Violation> unmet = LIFECYCLE.unmetRequirements(move, code, facts);
        if (!unmet.isEmpty()) {
            throw requirementsUnmet(move.action(), unmet);
        }
    }

    static ApiProblem requirementsUnmet(String what, List<ProblemLifecycle.Violation> unmet) {
        return new ApiProblem(ProblemType.REQUIREMENTS_UNMET,
                "Cannot " + what + " yet: " + unmet.size() + " requirement(s) unmet", fieldErrors(unmet), null);
    }

    static ApiProblem unprocessableField(String field, String message) {
        return new ApiProblem(ProblemType.UNPROCESSABLE, message,
                List.of(new ProblemDetail.FieldError(field, message)), null);
    }

    private static List<ProblemDetail.FieldError> fieldErrors(List<ProblemLifecycle.Violation> violations) {
        return violations.stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList();
    }
}
