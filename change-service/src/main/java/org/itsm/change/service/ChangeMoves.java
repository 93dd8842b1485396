package org.itsm.change.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ApprovalRoute;
import org.itsm.change.domain.ApprovalStatus;
import org.itsm.change.domain.CatalogUpdateStatus;
import org.itsm.change.domain.ChangeAccess;
import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeMove;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.Decision;
import org.itsm.change.domain.Outcome;
import org.itsm.change.domain.RiskAssessment;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.domain.WindowRules;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.ChangeApprovalRepository;
import org.itsm.change.service.ChangeCommands.Closing;
import org.itsm.change.service.ChangeCommands.OutcomeReport;
import org.itsm.events.EventTypes;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The lifecycle moves of a change (submit, assess, schedule, implement, review, close, cancel) and what the actor may
 * do next. Which move fits the state is {@link ChangeLifecycle} (an illegal one raises the shared
 * {@code IllegalMoveException}, answered as 409 with the allowed moves); who may make it is {@link ChangeAccess}. Each
 * move is one transaction: state, history and outbox event together.
 */
@ApplicationScoped
public class ChangeMoves {

    private final ChangeLookup lookup;
    private final ChangeApprovalRepository votes;
    private final ChangeApprovals approvals;
    private final ChangeRisk risk;
    private final ChangeScheduling scheduling;
    private final RecordHistory history;
    private final ChangeEventPublisher events;
    private final ChangeMeasures measures;
    private final ChangeLifecycle lifecycle = new ChangeLifecycle();
    private final Clock clock;

    public ChangeMoves(ChangeLookup lookup, ChangeApprovalRepository votes, ChangeApprovals approvals, ChangeRisk risk,
            ChangeScheduling scheduling, RecordHistory history, ChangeEventPublisher events, ChangeMeasures measures,
            Clock clock) {
        this.lookup = lookup;
        this.votes = votes;
        this.approvals = approvals;
        this.risk = risk;
        this.scheduling = scheduling;
        this.history = history;
        this.events = events;
        this.measures = measures;
        this.clock = clock;
    }

    /** What the actor may do now: the allowed moves they may make, and every action (moves, edit, vote...). */
    public record ActorMoves(List<ChangeLifecycle.AllowedMove> moves, List<String> actions) {
    }

    @WithSession
    public Uni<ActorMoves> movesFor(ChangeRequest change, Actor actor) {
        return votes.ofChange(change.id).map(cast -> {
            ChangeAccess.Facts facts = ChangeLookup.facts(change, cast.stream()
                    .filter(vote -> vote.decision == Decision.APPROVE).map(vote -> vote.voter)
                    .collect(Collectors.toSet()));
            List<ChangeLifecycle.AllowedMove> allowed = lifecycle.allowedMoves(change.type, change.state,
                    change.approved());
            List<String> actions = new ArrayList<>(ChangeAccess.actionsFor(allowed, actor.who(), facts));
            if (actions.contains(ChangeAccess.Action.VOTE.action())
                    && approvals.voteRefusal(change, actor, cast).isPresent()) {
                // the vote endpoint's own rule: the route's capacities, one vote per round
                actions.remove(ChangeAccess.Action.VOTE.action());
            }
            return new ActorMoves(ChangeAccess.movesFor(allowed, actor.who(), facts), actions);
        });
    }

    /** Normal changes go to assessment; emergency changes straight to the emergency CAB. */
    @WithTransaction
    public Uni<ChangeRequest> submit(UUID id, String ifMatch, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ChangeLookup.requireAllowed(ChangeMove.SUBMIT, change, actor);
            return applyMove(change, ifMatch, ChangeMove.SUBMIT, actor, target -> {
                if (target != ChangeState.AUTHORIZE) {
                    return Uni.createFrom().voidItem();
                }
                requireFields(ChangeLifecycle.missingForAuthorize(change));
                return risk.assess(change, true).flatMap(ignored -> approvals.enterAuthorize(change));
            }, EventTypes.CHANGE_SUBMITTED);
        });
    }

    /** Records the risk assessment and asks for authorisation along the route the risk gives. */
    @WithTransaction
    public Uni<ChangeRequest> assess(UUID id, String ifMatch, RiskAssessment.Answers answers, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.ASSESS, actor, target -> {
            if (answers != null) {
                ChangeRisk.setAnswers(change, ChangeRisk.answersOf(change).completedBy(answers));
            }
            requireFields(ChangeLifecycle.missingForAuthorize(change));
            return risk.assess(change, false).flatMap(ignored -> approvals.enterAuthorize(change));
        }, EventTypes.CHANGE_ASSESSED));
    }

    /** Standard changes are pre-approved; others need their approval first. Hard conflicts block either way. */
    @WithTransaction
    public Uni<ChangeRequest> schedule(UUID id, String ifMatch, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.SCHEDULE, actor, target -> {
            WindowRules.scheduleRefusal(change.window(), clock.instant()).ifPresent(refusal -> {
                throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedEnd", refusal)));
            });
            if (change.state == ChangeState.AUTHORIZE) {
                return scheduling.lockCalendar(change).flatMap(locked -> scheduling.requireNoHardConflicts(change));
            }
            requireFields(ChangeLifecycle.missingForSchedule(change));
            return scheduling.lockCalendar(change).flatMap(locked -> scheduling.requireNoHardConflicts(change))
                    .flatMap(ignored -> {
                        change.riskLevel = RiskLevel.LOW;
                        change.riskReasons = "standard change from a pre-approved template";
                        change.approvalRoute = ApprovalRoute.PRE_APPROVED;
                        change.approvalStatus = ApprovalStatus.APPROVED;
                        change.approvedAt = clock.instant();
                        return events.publish(EventTypes.CHANGE_APPROVED, withState(change, ChangeState.SCHEDULED));
                    });
        }, EventTypes.CHANGE_SCHEDULED));
    }

    @WithTransaction
    public Uni<ChangeRequest> implement(UUID id, String ifMatch, String outsideWindowReason, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ChangeLookup.requireAllowed(ChangeMove.IMPLEMENT, change, actor);
            return applyMove(change, ifMatch, ChangeMove.IMPLEMENT, actor, target -> {
                Instant now = clock.instant();
                WindowRules.implementationRefusal(change.window(), now, outsideWindowReason).ifPresent(refusal -> {
                    throw ApiProblem.conflict(refusal);
                });
                change.implementationStartedAt = now;
                if (WindowRules.inside(change.window(), now)) {
                    return Uni.createFrom().voidItem();
                }
                // the override is evidence: in the history, and on the implementation-started event
                return history.record(change.id, actor.name(), List.of(
                        FieldChange.of("outsideWindowReason", null, outsideWindowReason)));
            }, null).flatMap(started -> (WindowRules.inside(started.window(), started.implementationStartedAt)
                    ? events.publish(EventTypes.CHANGE_IMPLEMENTATION_STARTED, started)
                    : events.publish(EventTypes.CHANGE_IMPLEMENTATION_STARTED, started,
                            List.of(FieldChange.of("outsideWindowReason", null, outsideWindowReason))))
                    .map(ignored -> started));
        });
    }

    /** Ends the implementation with its outcome and opens the post-implementation review. */
    @WithTransaction
    public Uni<ChangeRequest> review(UUID id, String ifMatch, OutcomeReport report, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ChangeLookup.requireAllowed(ChangeMove.REVIEW, change, actor);
            return applyMove(change, ifMatch, ChangeMove.REVIEW, actor,
                    target -> recordOutcome(change, report.outcome(), report.notes(), target, actor), null);
        });
    }

    /**
     * From Implement: records the outcome and closes (successful non-emergency changes only). From Review: closes
     * with the review's conclusions.
     */
    @WithTransaction
    public Uni<ChangeRequest> close(UUID id, String ifMatch, Closing closing, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.CLOSE, actor, target -> {
            change.closedAt = clock.instant();
            if (change.state == ChangeState.REVIEW) {
                if (closing.reviewNotes() == null || closing.reviewNotes().isBlank()) {
                    throw ApiProblem.invalidField("reviewNotes", "the post-implementation review's conclusions are"
                            + " required to close");
                }
                change.reviewNotes = closing.reviewNotes();
                return history.record(change.id, actor.name(), List.of(
                        FieldChange.of("reviewNotes", null, closing.reviewNotes())));
            }
            if (closing.outcome() == null) {
                throw ApiProblem.invalidField("outcome", "the outcome of the implementation is required");
            }
            if (ChangeLifecycle.reviewRequired(change.type, closing.outcome())) {
                throw ApiProblem.conflict("A post-implementation review is required for " + change.type
                        + " changes with outcome " + closing.outcome() + "; use review first");
            }
            return recordOutcome(change, closing.outcome(), closing.outcomeNotes(), target, actor);
        }, EventTypes.CHANGE_CLOSED).invoke(closed -> measures.closed(closed.outcome)));
    }

    @WithTransaction
    public Uni<ChangeRequest> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ChangeLookup.requireAllowed(ChangeMove.CANCEL, change, actor);
            return applyMove(change, ifMatch, ChangeMove.CANCEL, actor, target -> {
                change.cancelReason = reason;
                change.closedAt = clock.instant();
                return history.record(change.id, actor.name(), List.of(FieldChange.of("cancelReason", null, reason)));
            }, EventTypes.CHANGE_CANCELLED);
        });
    }

    /**
     * The move's target from the lifecycle (or its {@code IllegalMoveException}), then the move's own effect, then
     * the state, its history and (when {@code eventType} is given) its event.
     */
    private Uni<ChangeRequest> applyMove(ChangeRequest change, String ifMatch, ChangeMove move, Actor actor,
            Function<ChangeState, Uni<Void>> effect, String eventType) {
        ETags.requireCurrent(ifMatch, change.version);
        ChangeState from = change.state;
        ChangeState target = lifecycle.apply(change.type, from, change.approved(), move);
        return effect.apply(target).flatMap(ignored -> {
            change.state = target;
            change.updatedAt = clock.instant();
            return history.record(change.id, actor.name(), List.of(FieldChange.of("state", from, target)))
                    .flatMap(recorded -> eventType == null ? Uni.createFrom().voidItem()
                            : events.publish(eventType, change))
                    .map(published -> change);
        });
    }

    /** Outcome of the implementation: implemented changes carry the catalog update, the others are dropped. */
    private Uni<Void> recordOutcome(ChangeRequest change, Outcome outcome, String notes, ChangeState target,
            Actor actor) {
        change.outcome = outcome;
        change.outcomeNotes = notes;
        change.implementedAt = clock.instant();
        List<FieldChange> edits = new ArrayList<>(List.of(FieldChange.of("outcome", null, outcome)));
        if (notes != null && !notes.isBlank()) {
            edits.add(FieldChange.of("outcomeNotes", null, notes));
        }
        if (outcome.implemented() && change.catalogUpdate != null) {
            // the catalog answers with applied or rejected (CatalogUpdateStatus)
            edits.add(FieldChange.of("catalogUpdateStatus", change.catalogUpdateStatus, CatalogUpdateStatus.PENDING));
            change.catalogUpdateStatus = CatalogUpdateStatus.PENDING;
            change.catalogUpdateReason = null;
        }
        return history.record(change.id, actor.name(), edits)
                .flatMap(ignored -> events.publish(outcome.implemented() ? EventTypes.CHANGE_IMPLEMENTED
                        : EventTypes.CHANGE_FAILED, withState(change, target)));
    }

    private static void requireFields(List<ProblemDetail.FieldError> missing) {
        if (!missing.isEmpty()) {
            throw ApiProblem.invalidFields(missing);
        }
    }

    /** The event of an intermediate moment reports the state the move leads to. */
    private static ChangeRequest withState(ChangeRequest change, ChangeState state) {
        change.state = state;
        return change;
    }
}
