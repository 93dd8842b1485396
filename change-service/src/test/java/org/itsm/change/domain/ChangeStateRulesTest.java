package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.itsm.support.rest.ProblemDetail.FieldError;
import org.junit.jupiter.api.Test;

/** What the state still allows besides the moves: edits, votes, conflict overrides, readiness for Authorize. */
class ChangeStateRulesTest {

    @Test
    void aFinalChangeCanNoLongerBeEdited() {
        assertTrue(ChangeLifecycle.editRefusal("CHG1", ChangeState.CLOSED).orElseThrow().contains("CLOSED"));
        assertTrue(ChangeLifecycle.editRefusal("CHG1", ChangeState.CANCELLED).isPresent());
        assertTrue(ChangeLifecycle.editRefusal("CHG1", ChangeState.REVIEW).isEmpty());
    }

    @Test
    void thePlanIsFreeUntilAssessThenOnlyTheWindowMovesUntilImplementation() {
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.NEW, true).isEmpty());
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.ASSESS, true).isEmpty());
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.AUTHORIZE, false).isEmpty());
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.SCHEDULED, true).orElseThrow()
                .contains("awaits authorisation"));
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.IMPLEMENT, false).orElseThrow()
                .contains("implementation started"));
        assertTrue(ChangeLifecycle.planEditRefusal("CHG1", ChangeState.REVIEW, true).isPresent());
    }

    @Test
    void theTypeChangesOnlyWhileNew() {
        assertTrue(ChangeLifecycle.typeChangeRefusal("CHG1", ChangeState.NEW).isEmpty());
        assertEquals("The type can change only while the change is New; CHG1 is ASSESS",
                ChangeLifecycle.typeChangeRefusal("CHG1", ChangeState.ASSESS).orElseThrow());
    }

    @Test
    void movingTheWindowReplansOnlyOnceAuthorisationWasAsked() {
        assertFalse(ChangeLifecycle.isReplanning(ChangeState.ASSESS));
        assertTrue(ChangeLifecycle.isReplanning(ChangeState.AUTHORIZE));
        assertTrue(ChangeLifecycle.isReplanning(ChangeState.SCHEDULED));
        assertFalse(ChangeLifecycle.isReplanning(ChangeState.IMPLEMENT));
    }

    @Test
    void votesAreTakenOnlyWhileTheApprovalIsPending() {
        assertTrue(ChangeLifecycle.awaitsVotes(ChangeState.AUTHORIZE, ApprovalStatus.PENDING));
        assertFalse(ChangeLifecycle.awaitsVotes(ChangeState.AUTHORIZE, ApprovalStatus.APPROVED));
        assertFalse(ChangeLifecycle.awaitsVotes(ChangeState.NEW, ApprovalStatus.REJECTED));
    }

    @Test
    void conflictsMatterOnlyBeforeImplementation() {
        assertTrue(ChangeLifecycle.conflictsMatter(ChangeState.NEW));
        assertTrue(ChangeLifecycle.conflictsMatter(ChangeState.SCHEDULED));
        assertFalse(ChangeLifecycle.conflictsMatter(ChangeState.IMPLEMENT));
        assertFalse(ChangeLifecycle.conflictsMatter(ChangeState.REVIEW));
        assertFalse(ChangeLifecycle.conflictsMatter(ChangeState.CLOSED));
    }

    @Test
    void authorisationNeedsThePlansTheWindowAndAService() {
        ChangeRequest change = new ChangeRequest();
        change.implementationPlan = "do";
        change.backoutPlan = " ";
        assertEquals(List.of("backoutPlan", "testPlan", "plannedStart", "plannedEnd", "affectedServiceIds"),
                ChangeLifecycle.missingForAuthorize(change).stream().map(FieldError::field).toList());
        change.plannedStart = Instant.parse("2030-01-01T10:00:00Z");
        change.plannedEnd = Instant.parse("2030-01-01T11:00:00Z");
        change.affectedServiceIds = List.of(UUID.randomUUID());
        assertTrue(ChangeLifecycle.missingForSchedule(change).isEmpty());
    }

    @Test
    void implementationStartsInsideTheHalfOpenWindow() {
        Window window = new Window(Instant.parse("2030-01-01T10:00:00Z"), Instant.parse("2030-01-01T11:00:00Z"));
        assertTrue(WindowRules.inside(window, window.start()));
        assertFalse(WindowRules.inside(window, window.end()));
        assertFalse(WindowRules.inside(null, window.start()));
    }

    @Test
    void riskAnswersAreCompletedAndTheMissingOnesNamed() {
        RiskAssessment.Answers stored = new RiskAssessment.Answers(Rating.HIGH, null, null, Testing.FULL);
        assertEquals(List.of("complexity", "backoutDifficulty"), stored.missing());
        RiskAssessment.Answers completed = stored.completedBy(
                new RiskAssessment.Answers(Rating.LOW, Rating.MEDIUM, Rating.LOW, null));
        assertEquals(new RiskAssessment.Answers(Rating.LOW, Rating.MEDIUM, Rating.LOW, Testing.FULL), completed);
        assertTrue(completed.complete());
        assertEquals(4, RiskAssessment.Answers.NONE.missing().size());
    }
}
