package org.itsm.problem.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.KnownError;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAccess;
import org.itsm.problem.repository.ProblemLinkRepository.LinkedIncident;
import org.itsm.problem.rest.ProblemApi.CreateProblem;
import org.itsm.problem.rest.ProblemApi.KnownErrorView;
import org.itsm.problem.rest.ProblemApi.LinkedIncidentView;
import org.itsm.problem.rest.ProblemApi.ProblemView;
import org.itsm.problem.rest.ProblemApi.PublishKnownError;
import org.itsm.problem.rest.ProblemApi.Resolve;
import org.itsm.problem.rest.ProblemApi.Summary;
import org.itsm.problem.rest.ProblemApi.UpdateProblem;
import org.itsm.problem.service.ProblemCommands;
import org.itsm.problem.service.ProblemQueries;

/** API request → the use cases' command; entity → API model. */
@ApplicationScoped
public class ProblemMapper {

    private final ProblemAccess access = new ProblemAccess();

    public ProblemCommands.NewProblem toCommand(CreateProblem request) {
        return new ProblemCommands.NewProblem(request.statement(), request.description(), request.serviceId(),
                request.category(), request.impact(), request.urgency(), request.assignmentGroup(),
                request.assignee(), request.incidentNumbers());
    }

    public ProblemCommands.ProblemEdit toCommand(UpdateProblem request) {
        return new ProblemCommands.ProblemEdit(request.statement(), request.description(), request.serviceId(),
                request.category(), request.impact(), request.urgency(), request.assignmentGroup(),
                request.assignee(), request.rootCause(), request.workaround(), request.fixDescription());
    }

    public ProblemCommands.Resolution toCommand(Resolve request) {
        return new ProblemCommands.Resolution(request.resolutionCode(), request.resolutionNotes(),
                request.duplicateOf());
    }

    public ProblemCommands.KnownErrorDraft toCommand(PublishKnownError request) {
        return new ProblemCommands.KnownErrorDraft(request.symptom(), request.rootCause(), request.workaround(),
                request.serviceId());
    }

    /** The problem as {@code caller} sees it: with the actions they may take now. */
    public ProblemView toView(Problem problem, ProblemAccess.Caller caller) {
        return new ProblemView(problem.id, problem.number, problem.version, problem.statement, problem.description,
                problem.serviceId, problem.category, problem.impact, problem.urgency, problem.priority,
                problem.assignmentGroup, problem.assignee, problem.state, problem.source, problem.rootCause,
                problem.rootCauseIdentifiedAt, problem.workaround, problem.fixDescription, problem.fixChangeNumber,
                problem.fixChangeOutcome, problem.resolutionCode, problem.resolutionNotes, problem.duplicateOf,
                problem.knownErrorPublishedAt != null, problem.knownErrorPublishedAt, problem.incidentCount,
                problem.createdBy, problem.createdAt, problem.updatedAt, problem.resolvedAt, problem.closedAt,
                access.actionsFor(caller, problem.state));
    }

    public KnownErrorView toView(KnownError knownError, Problem problem) {
        return new KnownErrorView(knownError.id, problem.id, problem.number, problem.state, knownError.symptom,
                knownError.rootCause, knownError.workaround, knownError.serviceId, problem.incidentCount,
                knownError.publishedBy, knownError.publishedAt, knownError.updatedAt);
    }

    public Summary toView(ProblemQueries.Figures figures) {
        return new Summary(figures.open(), figures.byState(), figures.openDetectedCandidates(), figures.knownErrors(),
                figures.incidentsLinkedToKnownErrors(), figures.meanTimeToRootCauseHours(),
                figures.resolvedLast30Days());
    }

    public LinkedIncidentView toView(LinkedIncident link) {
        return new LinkedIncidentView(link.incidentNumber(), link.incidentId(), link.state(), link.linkedBy(),
                link.linkedAt());
    }
}
