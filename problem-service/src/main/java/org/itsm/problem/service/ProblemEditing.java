package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Priority;
import org.itsm.problem.domain.CandidatePatternRule;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.problem.service.ProblemCommands.ProblemEdit;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Changing a problem's fields (statement, service, priority, assignment, root cause, workaround, fix): only while
 * open, with the history of what changed; recording the root cause is its own event.
 */
@ApplicationScoped
public class ProblemEditing {

    private final ProblemLookup lookup;
    private final ProblemRepository problems;
    private final RecordHistory history;
    private final ProblemEventPublisher events;
    private final CatalogReplica catalog;
    private final Clock clock;
    private final CandidatePatternRule candidates = new CandidatePatternRule();

    public ProblemEditing(ProblemLookup lookup, ProblemRepository problems, RecordHistory history,
            ProblemEventPublisher events, CatalogReplica catalog, Clock clock) {
        this.lookup = lookup;
        this.problems = problems;
        this.history = history;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Problem> update(UUID id, String ifMatch, ProblemEdit edit, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            ProblemGuards.requireAllowed(problem, ProblemAction.UPDATE);
            return requireOneCandidatePerPattern(problem,
                    edit.serviceId() != null ? edit.serviceId() : problem.serviceId,
                    edit.category() != null ? edit.category() : problem.category)
                    .flatMap(ignored -> apply(problem, edit, actor));
        });
    }

    private Uni<Problem> apply(Problem problem, ProblemEdit edit, Actor actor) {
        Priority priorityBefore = problem.priority;
        boolean rootCauseNew = problem.rootCause == null && edit.rootCause() != null;
        FieldEdits edits = new FieldEdits();
        edits.set("statement", edit.statement() == null ? null : edit.statement().strip(), problem.statement,
                value -> problem.statement = value);
        edits.set("description", edit.description(), problem.description, value -> problem.description = value);
        edits.set("serviceId", edit.serviceId(), problem.serviceId, value -> problem.serviceId = value);
        edits.set("category", edit.category(), problem.category, value -> problem.category = value);
        edits.set("impact", edit.impact(), problem.impact, value -> problem.impact = value);
        edits.set("urgency", edit.urgency(), problem.urgency, value -> problem.urgency = value);
        problem.priority = Priority.of(problem.impact, problem.urgency);
        edits.record("priority", priorityBefore, problem.priority);
        edits.set("assignmentGroup", edit.assignmentGroup(), problem.assignmentGroup,
                value -> problem.assignmentGroup = value);
        edits.set("assignee", edit.assignee(), problem.assignee, value -> problem.assignee = value);
        edits.set("rootCause", edit.rootCause(), problem.rootCause, value -> problem.rootCause = value);
        edits.set("workaround", edit.workaround(), problem.workaround, value -> problem.workaround = value);
        edits.set("fixDescription", edit.fixDescription(), problem.fixDescription,
                value -> problem.fixDescription = value);
        if (edits.isEmpty()) {
            return Uni.createFrom().item(problem);
        }
        Instant now = clock.instant();
        problem.updatedAt = now;
        if (rootCauseNew) {
            problem.rootCauseIdentifiedAt = now;
        }
        return catalog.requireAdmitted(problem.serviceId)
                .flatMap(ignored -> history.record(problem.id, actor.name(), edits.changes()))
                .flatMap(ignored -> events.publishWithLinks(rootCauseNew ? EventTypes.PROBLEM_ROOT_CAUSE_IDENTIFIED
                        : EventTypes.PROBLEM_UPDATED, problem))
                .map(ignored -> problem);
    }

    /**
     * One open detected candidate per service and category (CandidatePatternRule): asked before the problem changes
     * (a query would flush the change first).
     */
    private Uni<Void> requireOneCandidatePerPattern(Problem problem, UUID serviceId, String category) {
        if (!candidates.needsCheck(problem, serviceId, category)) {
            return Uni.createFrom().voidItem();
        }
        return problems.findOpenCandidate(serviceId, category, problem.id).invoke(other -> {
            if (other != null) {
                throw ApiProblem.conflict(candidates.conflict(problem, other));
            }
        }).replaceWithVoid();
    }
}
