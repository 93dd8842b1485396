package org.itsm.problem.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.api.ProblemType;
import org.itsm.problem.domain.Move;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.domain.ProblemLifecycle;
import org.itsm.problem.domain.ProblemState;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;
import org.junit.jupiter.api.Test;

class ProblemGuardsTest {

    @Test
    void anActionTheStateDoesNotAdmitIsAConflictNamingTheProblemAndWhatTheStateAdmits() {
        Problem problem = problem(ProblemState.ASSESSMENT);
        ApiProblem refused = assertThrows(ApiProblem.class,
                () -> ProblemGuards.requireAllowed(problem, ProblemAction.RECORD_FIX_CHANGE));
        assertEquals(ProblemType.CONFLICT.status(), refused.problem().status());
        assertEquals(ProblemType.CONFLICT.uri(), refused.problem().type());
        assertTrue(refused.getMessage().endsWith("(PRB0000001)"), refused.getMessage());
        assertEquals(List.of("update", "link-incident", "unlink-incident", "publish-known-error"),
                refused.problem().allowedMoves());
        assertDoesNotThrow(() -> ProblemGuards.requireAllowed(problem, ProblemAction.UPDATE));
    }

    @Test
    void unmetRequirementsNameTheirFields() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> ProblemGuards.requireMet(Move.START_FIX, null,
                ProblemLifecycle.Facts.of(problem(ProblemState.ROOT_CAUSE_ANALYSIS), null, null)));
        assertEquals(ProblemType.REQUIREMENTS_UNMET.uri(), refused.problem().type());
        assertEquals(List.of("rootCause"), refused.problem().errors().stream().map(ProblemDetail.FieldError::field)
                .toList());
    }

    private static Problem problem(ProblemState state) {
        Problem problem = new Problem();
        problem.number = "PRB0000001";
        problem.state = state;
        return problem;
    }
}
