package org.itsm.problem.service;

import java.util.List;
import java.util.UUID;

import org.itsm.problem.domain.ResolutionCode;

/**
 * What the problem use cases are asked to do, in their own terms: the REST layer maps its request records to these
 * (so an event consumer or a test can call the same use case), and the services never see a REST type.
 */
public final class ProblemCommands {

    private ProblemCommands() {
    }

    /** Raise a problem, optionally assigned (a problem manager's decision) and linking incidents at once. */
    public record NewProblem(String statement, String description, UUID serviceId, String category, int impact,
            int urgency, String assignmentGroup, String assignee, List<String> incidentNumbers) {
    }

    /** A partial update: null fields stay as they are. */
    public record ProblemEdit(String statement, String description, UUID serviceId, String category, Integer impact,
            Integer urgency, String assignmentGroup, String assignee, String rootCause, String workaround,
            String fixDescription) {
    }

    /** How the problem ends: the code, its notes and (for DUPLICATE) the problem it duplicates. */
    public record Resolution(ResolutionCode code, String notes, String duplicateOf) {
    }

    /** The known error to publish; root cause and service default to the problem's. */
    public record KnownErrorDraft(String symptom, String rootCause, String workaround, UUID serviceId) {
    }
}
