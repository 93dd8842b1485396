package org.itsm.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.itsm.events.api.ProblemType;
import org.junit.jupiter.api.Test;

class ApiProblemTest {

    @Test
    void everyRefusalCarriesATypeFromTheCatalogue() {
        assertEquals(ProblemType.ILLEGAL_MOVE.uri(), ApiProblem.illegalMove("resolve", "NEW", List.of("start")).problem().type());
        assertEquals("Move not allowed", ApiProblem.illegalMove("resolve", "NEW", List.of()).problem().title());
        assertEquals(ProblemType.VALIDATION.uri(), ApiProblem.invalidField("impact", "must be 1-3").problem().type());
        assertEquals(422, ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("a", "b"))).problem().status());
        assertEquals(ProblemType.REQUIREMENTS_UNMET.uri(),
                new ApiProblem(ProblemType.REQUIREMENTS_UNMET, "x", null, null).problem().type());
    }
}
