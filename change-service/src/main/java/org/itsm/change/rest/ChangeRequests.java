package org.itsm.change.rest;

import org.itsm.change.domain.RiskAssessment;
import org.itsm.change.rest.ChangeApi.Close;
import org.itsm.change.rest.ChangeApi.CreateChange;
import org.itsm.change.rest.ChangeApi.NewTemplate;
import org.itsm.change.rest.ChangeApi.NewVote;
import org.itsm.change.rest.ChangeApi.Review;
import org.itsm.change.rest.ChangeApi.RiskAnswers;
import org.itsm.change.rest.ChangeApi.UpdateChange;
import org.itsm.change.service.ChangeCommands;

/** API request → the use cases' command records, explicitly (the services never see a REST type). */
final class ChangeRequests {

    private ChangeRequests() {
    }

    static ChangeCommands.NewChange command(CreateChange request) {
        return new ChangeCommands.NewChange(request.type(), request.title(), request.description(),
                request.justification(), request.affectedServiceIds(), request.affectedOfferingIds(),
                request.plannedStart(), request.plannedEnd(), request.implementationPlan(), request.backoutPlan(),
                request.testPlan(), request.changeManager(), request.implementer(), request.templateId(),
                request.problemNumber(), request.catalogUpdate(), answers(request.riskAssessment()));
    }

    static ChangeCommands.ChangeEdit command(UpdateChange request) {
        return new ChangeCommands.ChangeEdit(request.type(), request.title(), request.description(),
                request.justification(), request.affectedServiceIds(), request.affectedOfferingIds(),
                request.plannedStart(), request.plannedEnd(), request.implementationPlan(), request.backoutPlan(),
                request.testPlan(), request.changeManager(), request.implementer(), request.templateId(),
                request.problemNumber(), request.catalogUpdate(), answers(request.riskAssessment()));
    }

    /** The answers given, or null when the request has none. */
    static RiskAssessment.Answers answers(RiskAnswers answers) {
        return answers == null ? null
                : new RiskAssessment.Answers(answers.impact(), answers.complexity(), answers.backoutDifficulty(),
                        answers.testing());
    }

    static ChangeCommands.OutcomeReport command(Review request) {
        return new ChangeCommands.OutcomeReport(request.outcome(), request.notes());
    }

    static ChangeCommands.Closing command(Close request) {
        return new ChangeCommands.Closing(request.outcome(), request.outcomeNotes(), request.reviewNotes());
    }

    static ChangeCommands.CastVote command(NewVote request) {
        return new ChangeCommands.CastVote(request.decision(), request.comment());
    }

    static ChangeCommands.NewTemplate command(NewTemplate request) {
        return new ChangeCommands.NewTemplate(request.name(), request.description(), request.implementationPlan(),
                request.backoutPlan(), request.testPlan());
    }
}
