package org.itsm.change.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.config.ChangeConfig;
import org.itsm.change.domain.ApprovalPolicy;
import org.itsm.change.domain.ApprovalRoute;
import org.itsm.change.domain.ApprovalStatus;
import org.itsm.change.domain.CatalogUpdateStatus;
import org.itsm.change.domain.ChangeAccess;
import org.itsm.change.domain.ChangeApproval;
import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeMove;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeTemplate;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.IllegalMoveException;
import org.itsm.change.domain.Outcome;
import org.itsm.change.domain.RiskAssessment;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.domain.ScheduleConflicts.Conflict;
import org.itsm.change.domain.Window;
import org.itsm.change.domain.WindowRules;
import org.itsm.change.domain.Decision;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.CatalogReadModelRepository;
import org.itsm.change.repository.ChangeApprovalRepository;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.change.repository.ChangeTemplateRepository;
import org.itsm.change.rest.ChangeApi.Close;
import org.itsm.change.rest.ChangeApi.CreateChange;
import org.itsm.change.rest.ChangeApi.NewVote;
import org.itsm.change.rest.ChangeApi.Review;
import org.itsm.change.rest.ChangeApi.RiskAnswers;
import org.itsm.change.rest.ChangeApi.UpdateChange;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.CatalogUpdateRules;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Change use cases. Each write is one transaction: state change, history and outbox event together. */
@ApplicationScoped
public class ChangeService {

    static final String NUMBER_PREFIX = "CHG";
    static final String CATALOG_ACTOR = "catalog-service";

    private final ChangeRepository changes;
    private final ChangeApprovalRepository approvals;
    private final ChangeTemplateRepository templates;
    private final CatalogReadModelRepository catalog;
    private final ChangeCalendar calendar;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final ChangeEventPublisher events;
    private final ChangeMeasures measures;
    private final ObjectMapper objectMapper;
    private final ApprovalPolicy policy;
    private final ChangeLifecycle lifecycle = new ChangeLifecycle();
    private final Clock clock;

    public ChangeService(ChangeRepository changes, ChangeApprovalRepository approvals,
            ChangeTemplateRepository templates, CatalogReadModelRepository catalog, ChangeCalendar calendar,
            NumberSequence numbers, RecordHistory history, IdempotencyKeys idempotencyKeys,
            ChangeEventPublisher events, ChangeMeasures measures, ObjectMapper objectMapper, ChangeConfig config,
            Clock clock) {
        this.changes = changes;
        this.approvals = approvals;
        this.templates = templates;
        this.catalog = catalog;
        this.calendar = calendar;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.measures = measures;
        this.objectMapper = objectMapper;
        this.policy = new ApprovalPolicy(config.cabQuorum());
        this.clock = clock;
    }

    public ApprovalPolicy policy() {
        return policy;
    }

    /** Result of a create: the change and whether it is new (201) or the replay of an earlier request (200). */
    public record Created(ChangeRequest change, boolean isNew) {
    }

    @WithTransaction
    public Uni<Created> create(CreateChange request, Actor actor, String idempotencyKey, String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> changes.findById(outcome.id())
                        .map(change -> new Created(change, !outcome.replayed())));
    }

    private Uni<UUID> insert(CreateChange request, Actor actor) {
        Instant now = clock.instant();
        ChangeRequest change = new ChangeRequest();
        change.id = UUID.randomUUID();
        change.type = request.type();
        change.state = ChangeState.NEW;
        change.title = request.title().strip();
        change.description = request.description();
        change.justification = request.justification();
        change.affectedServiceIds = distinct(request.affectedServiceIds());
        change.affectedOfferingIds = distinct(request.affectedOfferingIds());
        change.plannedStart = request.plannedStart();
        change.plannedEnd = request.plannedEnd();
        change.implementationPlan = request.implementationPlan();
        change.backoutPlan = request.backoutPlan();
        change.testPlan = request.testPlan();
        change.requester = actor.name();
        change.changeManager = request.changeManager();
        change.implementer = request.implementer();
        change.templateId = request.templateId();
        change.problemNumber = request.problemNumber();
        change.catalogUpdate = json(request.catalogUpdate());
        setAnswers(change, request.riskAssessment());
        change.createdAt = now;
        change.updatedAt = now;
        if ((change.changeManager != null || change.implementer != null) && !actor.managesChanges()) {
            throw ApiProblem.forbidden("only change managers assign the change manager and the implementer");
        }
        ChangeAccess.implementerRefusal(change.implementer, facts(change, Set.of())).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
        WindowRules.planRefusal(change.window(), now).ifPresent(refusal -> {
            throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedStart", refusal)));
        });
        return validate(change, true)
                .flatMap(ignored -> applyTemplate(change))
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    change.number = number;
                    return changes.persist(change);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), List.of(
                        FieldChange.of("state", null, saved.state), FieldChange.of("type", null, saved.type))))
                .flatMap(ignored -> events.publish(EventTypes.CHANGE_CREATED, change))
                .invoke(() -> measures.created(change.type))
                .map(ignored -> change.id);
    }

    /** A requester sees only their own changes; everyone else sees all. Others' changes look missing. */
    @WithSession
    public Uni<ChangeRequest> get(UUID id, Actor actor) {
        return changes.findById(id).invoke(change -> {
            if (change == null || !actor.isStaff() && !actor.name().equals(change.requester)) {
                throw ApiProblem.notFound("Change", id);
            }
        });
    }

    @WithTransaction
    public Uni<ChangeRequest> update(UUID id, String ifMatch, UpdateChange request, Actor actor) {
        return get(id, actor).flatMap(change -> {
            ETags.requireCurrent(ifMatch, change.version);
            return approvers(change).flatMap(approvers -> edit(change, request, actor, approvers));
        });
    }

    private Uni<ChangeRequest> edit(ChangeRequest change, UpdateChange request, Actor actor, Set<String> approvers) {
        ChangeAccess.refusal(ChangeAccess.Action.EDIT, actor.who(), facts(change, approvers)).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
        if (change.state.isFinal()) {
            throw ApiProblem.conflict("Change " + change.number + " is " + change.state + " and can no longer change");
        }
        boolean assignsPeople = request.changeManager() != null || request.implementer() != null;
        if (assignsPeople && !actor.managesChanges()) {
            throw ApiProblem.forbidden("only change managers assign the change manager and the implementer");
        }
        if (request.implementer() != null && !request.implementer().equals(change.implementer)) {
            ChangeAccess.implementerRefusal(request.implementer(), facts(change, approvers)).ifPresent(refusal -> {
                throw ApiProblem.forbidden(refusal);
            });
        }
        boolean editsPlan = editsPlan(request);
        boolean movesWindow = movesWindow(change, request);
        boolean replan = change.state == ChangeState.AUTHORIZE || change.state == ChangeState.SCHEDULED;
        if (editsPlan && replan && !editsOnlyWindow(request)) {
            throw ApiProblem.conflict("The plan of " + change.number + " is fixed once it awaits authorisation;"
                    + " only the window can be re-planned (which asks for a new approval), and the change manager"
                    + " and the implementer assigned");
        }
        if (editsPlan && change.state != ChangeState.NEW && change.state != ChangeState.ASSESS && !replan) {
            throw ApiProblem.conflict("The plan of " + change.number + " is fixed once implementation started;"
                    + " only the change manager and the implementer can still be assigned");
        }
        if (editsPlan && change.state != ChangeState.NEW && !actor.managesChanges()) {
            throw ApiProblem.forbidden("after submission only change managers edit the plan");
        }
        if (request.type() != null && request.type() != change.type && change.state != ChangeState.NEW) {
            throw ApiProblem.conflict("The type can change only while the change is New; " + change.number
                    + " is " + change.state);
        }
        List<FieldChange> edits = new ArrayList<>();
        Set<UUID> servicesBefore = Set.copyOf(change.affectedServiceIds);
        Instant startBefore = change.plannedStart;
        Instant endBefore = change.plannedEnd;
        if (request.type() != null) {
            edits.add(FieldChange.of("type", change.type, request.type()));
            change.type = request.type();
        }
        if (request.title() != null) {
            edits.add(FieldChange.of("title", change.title, request.title()));
            change.title = request.title().strip();
        }
        if (request.description() != null) {
            edits.add(FieldChange.of("description", change.description, request.description()));
            change.description = request.description();
        }
        if (request.justification() != null) {
            edits.add(FieldChange.of("justification", change.justification, request.justification()));
            change.justification = request.justification();
        }
        if (request.affectedServiceIds() != null) {
            List<UUID> ids = distinct(request.affectedServiceIds());
            edits.add(FieldChange.of("affectedServiceIds", change.affectedServiceIds, ids));
            change.affectedServiceIds = ids;
        }
        if (request.affectedOfferingIds() != null) {
            List<UUID> ids = distinct(request.affectedOfferingIds());
            edits.add(FieldChange.of("affectedOfferingIds", change.affectedOfferingIds, ids));
            change.affectedOfferingIds = ids;
        }
        if (request.plannedStart() != null) {
            edits.add(FieldChange.of("plannedStart", change.plannedStart, request.plannedStart()));
            change.plannedStart = request.plannedStart();
        }
        if (request.plannedEnd() != null) {
            edits.add(FieldChange.of("plannedEnd", change.plannedEnd, request.plannedEnd()));
            change.plannedEnd = request.plannedEnd();
        }
        if (request.implementationPlan() != null) {
            edits.add(FieldChange.of("implementationPlan", change.implementationPlan, request.implementationPlan()));
            change.implementationPlan = request.implementationPlan();
        }
        if (request.backoutPlan() != null) {
            edits.add(FieldChange.of("backoutPlan", change.backoutPlan, request.backoutPlan()));
            change.backoutPlan = request.backoutPlan();
        }
        if (request.testPlan() != null) {
            edits.add(FieldChange.of("testPlan", change.testPlan, request.testPlan()));
            change.testPlan = request.testPlan();
        }
        if (request.changeManager() != null) {
            edits.add(FieldChange.of("changeManager", change.changeManager, request.changeManager()));
            change.changeManager = request.changeManager();
        }
        if (request.implementer() != null) {
            edits.add(FieldChange.of("implementer", change.implementer, request.implementer()));
            change.implementer = request.implementer();
        }
        if (request.templateId() != null) {
            edits.add(FieldChange.of("templateId", change.templateId, request.templateId()));
            change.templateId = request.templateId();
        }
        if (request.problemNumber() != null) {
            edits.add(FieldChange.of("problemNumber", change.problemNumber, request.problemNumber()));
            change.problemNumber = request.problemNumber();
        }
        if (request.catalogUpdate() != null) {
            String update = json(request.catalogUpdate());
            edits.add(FieldChange.of("catalogUpdate", change.catalogUpdate, update));
            change.catalogUpdate = update;
        }
        if (request.riskAssessment() != null) {
            edits.add(FieldChange.of("riskAssessment", answersOf(change), request.riskAssessment()));
            setAnswers(change, request.riskAssessment());
        }
        if (movesWindow) {
            WindowRules.planRefusal(change.window(), clock.instant()).ifPresent(refusal -> {
                throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedStart", refusal)));
            });
        }
        boolean calendarChanged = !servicesBefore.equals(Set.copyOf(change.affectedServiceIds))
                || !Objects.equals(startBefore, change.plannedStart) || !Objects.equals(endBefore, change.plannedEnd);
        if (calendarChanged && change.conflictOverrideReason != null) {
            // an override was given for the conflicts of the old window, not the new one
            edits.add(FieldChange.of("conflictOverrideReason", change.conflictOverrideReason, null));
            change.conflictOverrideReason = null;
            change.conflictOverrideBy = null;
        }
        boolean windowMoved = replan && (!Objects.equals(startBefore, change.plannedStart)
                || !Objects.equals(endBefore, change.plannedEnd));
        List<String> changed = edits.stream().filter(FieldChange::changed).map(FieldChange::field).toList();
        if (changed.isEmpty()) {
            return Uni.createFrom().item(change);
        }
        change.updatedAt = clock.instant();
        boolean checkCatalogUpdate = request.catalogUpdate() != null || request.affectedServiceIds() != null
                || request.affectedOfferingIds() != null;
        return validate(change, checkCatalogUpdate)
                .flatMap(ignored -> change.type == ChangeType.STANDARD && change.state == ChangeState.NEW
                        ? applyTemplate(change) : Uni.createFrom().voidItem())
                .flatMap(ignored -> windowMoved ? replan(change, edits) : Uni.createFrom().voidItem())
                .flatMap(ignored -> history.record(change.id, actor.name(), edits))
                .flatMap(ignored -> events.publishUpdate(change, edits))
                .map(ignored -> change);
    }

    /**
     * The window of an authorised or scheduled change moved: the approval was for the old window, so the change goes
     * back through approval (a new round in Authorize; a standard change back to New) — see
     * {@link ChangeLifecycle#replan}.
     */
    private Uni<Void> replan(ChangeRequest change, List<FieldChange> edits) {
        ChangeState from = change.state;
        ChangeState target = lifecycle.replan(change.type, from).orElseThrow();
        ApprovalStatus approvalBefore = change.approvalStatus;
        int roundBefore = change.approvalRound;
        if (!lifecycle.replanNeedsApproval(change.type, from)) {
            change.state = target;
            change.approvalStatus = ApprovalStatus.NOT_REQUESTED;
            change.approvedAt = null;
            edits.add(FieldChange.of("state", from, target));
            edits.add(FieldChange.of("approvalStatus", approvalBefore, change.approvalStatus));
            return Uni.createFrom().voidItem();
        }
        return enterAuthorize(change).invoke(() -> {
            change.state = target;
            edits.add(FieldChange.of("state", from, target));
            edits.add(FieldChange.of("approvalStatus", approvalBefore, change.approvalStatus));
            edits.add(FieldChange.of("approvalRound", roundBefore, change.approvalRound));
        });
    }

    public List<ChangeLifecycle.AllowedMove> allowedMoves(ChangeRequest change) {
        return lifecycle.allowedMoves(change.type, change.state, change.approved());
    }

    /** What the actor may do now: the allowed moves they may make, and every action (moves, edit, vote...). */
    public record ActorMoves(List<ChangeLifecycle.AllowedMove> moves, List<String> actions) {
    }

    @WithSession
    public Uni<ActorMoves> movesFor(ChangeRequest change, Actor actor) {
        return approvals.ofChange(change.id).map(cast -> {
            Set<String> approvers = cast.stream().filter(vote -> vote.decision == Decision.APPROVE)
                    .map(vote -> vote.voter).collect(Collectors.toSet());
            ChangeAccess.Facts facts = facts(change, approvers);
            List<ChangeLifecycle.AllowedMove> allowed = allowedMoves(change);
            List<String> actions = new ArrayList<>(ChangeAccess.actionsFor(allowed, actor.who(), facts));
            if (actions.contains(ChangeAccess.Action.VOTE.action())) {
                // the vote endpoint's own rule: the route's capacities, one vote per round
                List<ApprovalPolicy.Vote> round = cast.stream().filter(vote -> vote.round == change.approvalRound)
                        .map(ChangeService::counted).toList();
                if (policy.refusal(change.approvalRoute, actor.name(), actor.roles(), change.requester,
                        change.implementer, round).isPresent()) {
                    actions.remove(ChangeAccess.Action.VOTE.action());
                }
            }
            return new ActorMoves(ChangeAccess.movesFor(allowed, actor.who(), facts), actions);
        });
    }

    /** Normal changes go to assessment; emergency changes straight to the emergency CAB. */
    @WithTransaction
    public Uni<ChangeRequest> submit(UUID id, String ifMatch, Actor actor) {
        return get(id, actor).flatMap(change -> {
            requireAllowed(ChangeMove.SUBMIT, change, actor);
            return applyMove(change, ifMatch, ChangeMove.SUBMIT, actor, target -> {
                if (target != ChangeState.AUTHORIZE) {
                    return Uni.createFrom().voidItem();
                }
                requirePlans(change);
                return assessRisk(change, true).flatMap(ignored -> enterAuthorize(change));
            }, EventTypes.CHANGE_SUBMITTED);
        });
    }

    /** Records the risk assessment and asks for authorisation along the route the risk gives. */
    @WithTransaction
    public Uni<ChangeRequest> assess(UUID id, String ifMatch, RiskAnswers answers, Actor actor) {
        return get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.ASSESS, actor, target -> {
            if (answers != null) {
                setAnswers(change, merge(answersOf(change), answers));
            }
            requirePlans(change);
            return assessRisk(change, false).flatMap(ignored -> enterAuthorize(change));
        }, EventTypes.CHANGE_ASSESSED));
    }

    /** Standard changes are pre-approved; others need their approval first. Hard conflicts block either way. */
    @WithTransaction
    public Uni<ChangeRequest> schedule(UUID id, String ifMatch, Actor actor) {
        return get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.SCHEDULE, actor, target -> {
            WindowRules.scheduleRefusal(change.window(), clock.instant()).ifPresent(refusal -> {
                throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedEnd", refusal)));
            });
            if (change.state == ChangeState.AUTHORIZE) {
                return lockCalendar(change).flatMap(locked -> requireNoHardConflicts(change));
            }
            List<ProblemDetail.FieldError> missing = new ArrayList<>();
            requireWindowAndServices(change, missing);
            if (!missing.isEmpty()) {
                throw ApiProblem.invalidFields(missing);
            }
            return lockCalendar(change).flatMap(locked -> requireNoHardConflicts(change)).flatMap(ignored -> {
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
        return get(id, actor).flatMap(change -> {
            requireAllowed(ChangeMove.IMPLEMENT, change, actor);
            return applyMove(change, ifMatch, ChangeMove.IMPLEMENT, actor, target -> {
                Instant now = clock.instant();
                WindowRules.implementationRefusal(change.window(), now, outsideWindowReason).ifPresent(refusal -> {
                    throw ApiProblem.conflict(refusal);
                });
                change.implementationStartedAt = now;
                Window window = change.window();
                boolean inside = window != null && !now.isBefore(window.start()) && now.isBefore(window.end());
                if (inside) {
                    return Uni.createFrom().voidItem();
                }
                // the override is evidence: in the history, and on the implementation-started event
                return history.record(change.id, actor.name(), List.of(
                        FieldChange.of("outsideWindowReason", null, outsideWindowReason)));
            }, null).flatMap(started -> {
                Window window = started.window();
                Instant at = started.implementationStartedAt;
                boolean inside = window != null && !at.isBefore(window.start()) && at.isBefore(window.end());
                return (inside ? events.publish(EventTypes.CHANGE_IMPLEMENTATION_STARTED, started)
                        : events.publish(EventTypes.CHANGE_IMPLEMENTATION_STARTED, started,
                                List.of(FieldChange.of("outsideWindowReason", null, outsideWindowReason))))
                        .map(ignored -> started);
            });
        });
    }

    /** Ends the implementation with its outcome and opens the post-implementation review. */
    @WithTransaction
    public Uni<ChangeRequest> review(UUID id, String ifMatch, Review request, Actor actor) {
        return get(id, actor).flatMap(change -> {
            requireAllowed(ChangeMove.REVIEW, change, actor);
            return applyMove(change, ifMatch, ChangeMove.REVIEW, actor,
                    target -> recordOutcome(change, request.outcome(), request.notes(), target, actor), null);
        });
    }

    /**
     * From Implement: records the outcome and closes (successful non-emergency changes only). From Review: closes
     * with the review's conclusions.
     */
    @WithTransaction
    public Uni<ChangeRequest> close(UUID id, String ifMatch, Close request, Actor actor) {
        return get(id, actor).flatMap(change -> applyMove(change, ifMatch, ChangeMove.CLOSE, actor, target -> {
            change.closedAt = clock.instant();
            if (change.state == ChangeState.REVIEW) {
                if (blank(request.reviewNotes())) {
                    throw ApiProblem.invalidField("reviewNotes", "the post-implementation review's conclusions are"
                            + " required to close");
                }
                change.reviewNotes = request.reviewNotes();
                return history.record(change.id, actor.name(), List.of(
                        FieldChange.of("reviewNotes", null, request.reviewNotes())));
            }
            if (request.outcome() == null) {
                throw ApiProblem.invalidField("outcome", "the outcome of the implementation is required");
            }
            if (ChangeLifecycle.reviewRequired(change.type, request.outcome())) {
                throw ApiProblem.conflict("A post-implementation review is required for " + change.type
                        + " changes with outcome " + request.outcome() + "; use review first");
            }
            return recordOutcome(change, request.outcome(), request.outcomeNotes(), target, actor);
        }, EventTypes.CHANGE_CLOSED).invoke(closed -> measures.closed(closed.outcome)));
    }

    @WithTransaction
    public Uni<ChangeRequest> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        return get(id, actor).flatMap(change -> {
            requireAllowed(ChangeMove.CANCEL, change, actor);
            return applyMove(change, ifMatch, ChangeMove.CANCEL, actor, target -> {
                change.cancelReason = reason;
                change.closedAt = clock.instant();
                return history.record(change.id, actor.name(), List.of(FieldChange.of("cancelReason", null, reason)));
            }, EventTypes.CHANGE_CANCELLED);
        });
    }

    /** A change manager accepts the hard conflicts of the current window, with a reason kept in the history. */
    @WithTransaction
    public Uni<ChangeRequest> overrideConflicts(UUID id, String ifMatch, String reason, Actor actor) {
        return get(id, actor).flatMap(change -> {
            ETags.requireCurrent(ifMatch, change.version);
            if (change.state.isFinal() || change.state == ChangeState.IMPLEMENT || change.state == ChangeState.REVIEW) {
                throw ApiProblem.conflict("Conflicts matter only before implementation; " + change.number + " is "
                        + change.state);
            }
            List<FieldChange> edits = List.of(
                    FieldChange.of("conflictOverrideReason", change.conflictOverrideReason, reason),
                    FieldChange.of("conflictOverrideBy", change.conflictOverrideBy, actor.name()));
            change.conflictOverrideReason = reason;
            change.conflictOverrideBy = actor.name();
            change.updatedAt = clock.instant();
            return history.record(change.id, actor.name(), edits)
                    .flatMap(ignored -> events.publishUpdate(change, edits))
                    .map(ignored -> change);
        });
    }

    /** A vote of the current round; completes or rejects the approval when the policy says so. */
    @WithTransaction
    public Uni<ChangeApproval> vote(UUID id, NewVote request, Actor actor) {
        return get(id, actor).flatMap(change -> {
            if (change.state != ChangeState.AUTHORIZE || change.approvalStatus != ApprovalStatus.PENDING) {
                throw ApiProblem.conflict("Votes are taken only while a change awaits authorisation; "
                        + change.number + " is " + change.state + " (approval " + change.approvalStatus + ")");
            }
            return approvals.ofRound(change.id, change.approvalRound).flatMap(cast -> {
                List<ApprovalPolicy.Vote> votes = new ArrayList<>(cast.stream().map(ChangeService::counted).toList());
                policy.refusal(change.approvalRoute, actor.name(), actor.roles(), change.requester,
                        change.implementer, votes).ifPresent(refusal -> {
                            throw refusal.alreadyVoted() ? ApiProblem.conflict(refusal.reason())
                                    : ApiProblem.forbidden(refusal.reason());
                        });
                ChangeApproval vote = new ChangeApproval();
                vote.id = UUID.randomUUID();
                vote.changeId = change.id;
                vote.round = change.approvalRound;
                vote.voter = actor.name();
                vote.capacity = policy.capacity(change.approvalRoute, actor.roles(), votes).orElseThrow();
                vote.decision = request.decision();
                vote.comment = request.comment();
                vote.castAt = clock.instant();
                votes.add(counted(vote));
                ApprovalStatus before = change.approvalStatus;
                ApprovalStatus after = policy.status(change.approvalRoute, votes);
                change.approvalStatus = after;
                change.updatedAt = vote.castAt;
                List<FieldChange> edits = new ArrayList<>(List.of(
                        FieldChange.of("vote", null, vote.voter + " " + vote.decision + " as " + vote.capacity
                                + " (round " + vote.round + ")" + (blank(vote.comment) ? "" : ": " + vote.comment)),
                        FieldChange.of("approvalStatus", before, after)));
                if (after == ApprovalStatus.REJECTED) {
                    // back to New: the requester reworks it; the round's votes stay as evidence only
                    edits.add(FieldChange.of("state", change.state, ChangeState.NEW));
                    change.state = ChangeState.NEW;
                } else if (after == ApprovalStatus.APPROVED) {
                    change.approvedAt = vote.castAt;
                }
                return approvals.persist(vote)
                        .flatMap(ignored -> Panache.flush())
                        .onFailure(org.hibernate.exception.ConstraintViolationException.class)
                        .transform(duplicate -> ApiProblem.conflict(actor.name() + " has already voted on this change"))
                        .flatMap(ignored -> history.record(change.id, actor.name(), edits))
                        .flatMap(ignored -> events.publishVote(change, vote))
                        .flatMap(ignored -> switch (after) {
                            case APPROVED -> events.publish(EventTypes.CHANGE_APPROVED, change);
                            case REJECTED -> events.publish(EventTypes.CHANGE_REJECTED, change);
                            default -> Uni.createFrom().voidItem();
                        })
                        .map(ignored -> vote);
            });
        });
    }

    @WithSession
    public Uni<List<ChangeApproval>> votes(UUID id, Actor actor) {
        return get(id, actor).flatMap(change -> approvals.ofChange(change.id));
    }

    @WithSession
    public Uni<List<Conflict>> conflicts(UUID id, Actor actor) {
        return get(id, actor).flatMap(calendar::conflicts);
    }

    @WithSession
    public Uni<Window> firstAvailableWindow(UUID id, Actor actor) {
        return get(id, actor).flatMap(change -> {
            if (change.window() == null) {
                throw ApiProblem.conflict("Change " + change.number + " has no planned window to move");
            }
            if (change.affectedServiceIds.isEmpty()) {
                return Uni.createFrom().item(change.window());
            }
            return calendar.firstAvailable(change, clock.instant());
        });
    }

    private Uni<ChangeRequest> applyMove(ChangeRequest change, String ifMatch, ChangeMove move, Actor actor,
            Function<ChangeState, Uni<Void>> effect, String eventType) {
        ETags.requireCurrent(ifMatch, change.version);
        ChangeState from = change.state;
        ChangeState target;
        try {
            target = lifecycle.apply(change.type, from, change.approved(), move);
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(move.action(), from.name(), e.allowedMoves());
        }
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
        if (!blank(notes)) {
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

    /**
     * The catalog's answer to an implemented change's catalog update for one service: applied, or rejected with the
     * reason. Unknown changes (another installation's) are ignored. Runs in the inbox's transaction.
     */
    public Uni<Void> catalogUpdateAnswered(CatalogChangeUpdateEvent answer, boolean applied) {
        if (answer.changeId() == null) {
            return Uni.createFrom().voidItem();
        }
        return changes.findById(answer.changeId()).flatMap(change -> {
            if (change == null) {
                return Uni.createFrom().voidItem();
            }
            CatalogUpdateStatus before = change.catalogUpdateStatus;
            CatalogUpdateStatus after = (before == null ? CatalogUpdateStatus.PENDING : before).after(applied);
            String service = answer.serviceNumber() != null ? answer.serviceNumber() : String.valueOf(answer.serviceId());
            String reason = applied ? change.catalogUpdateReason
                    : (change.catalogUpdateReason == null ? "" : change.catalogUpdateReason + "\n") + service + ": "
                            + (answer.reason() == null ? "rejected by the catalog" : answer.reason());
            List<FieldChange> edits = new ArrayList<>(List.of(FieldChange.of("catalogUpdateStatus", before, after)));
            if (!Objects.equals(reason, change.catalogUpdateReason)) {
                edits.add(FieldChange.of("catalogUpdateReason", change.catalogUpdateReason, reason));
            }
            change.catalogUpdateStatus = after;
            change.catalogUpdateReason = reason;
            change.updatedAt = clock.instant();
            return history.record(change.id, CATALOG_ACTOR, edits)
                    .flatMap(ignored -> events.publishUpdate(change, edits));
        });
    }

    private Uni<Void> assessRisk(ChangeRequest change, boolean emergency) {
        RiskAnswers answers = answersOf(change);
        boolean complete = answers.impact() != null && answers.complexity() != null
                && answers.backoutDifficulty() != null && answers.testing() != null;
        if (!complete && !emergency) {
            List<ProblemDetail.FieldError> missing = new ArrayList<>();
            if (answers.impact() == null) {
                missing.add(new ProblemDetail.FieldError("impact", "required for the risk assessment"));
            }
            if (answers.complexity() == null) {
                missing.add(new ProblemDetail.FieldError("complexity", "required for the risk assessment"));
            }
            if (answers.backoutDifficulty() == null) {
                missing.add(new ProblemDetail.FieldError("backoutDifficulty", "required for the risk assessment"));
            }
            if (answers.testing() == null) {
                missing.add(new ProblemDetail.FieldError("testing", "required for the risk assessment"));
            }
            throw ApiProblem.invalidFields(missing);
        }
        if (!complete) {
            change.riskScore = null;
            change.riskLevel = RiskLevel.HIGH;
            change.riskReasons = "emergency change without a risk assessment: treated as HIGH";
            return Uni.createFrom().voidItem();
        }
        return changes.pastFailures(change.affectedServiceIds).invoke(failures -> {
            RiskAssessment.Result result = RiskAssessment.assess(new RiskAssessment.Answers(answers.impact(),
                    answers.complexity(), answers.backoutDifficulty(), answers.testing()), failures);
            change.riskScore = result.score();
            change.riskLevel = result.level();
            change.riskReasons = String.join("\n", result.reasons());
        }).replaceWithVoid();
    }

    /** A new approval round along the route of type and risk; hard conflicts must be settled first. */
    private Uni<Void> enterAuthorize(ChangeRequest change) {
        return requireNoHardConflicts(change).invoke(() -> {
            change.approvalRoute = ApprovalPolicy.route(change.type, change.riskLevel);
            change.approvalStatus = ApprovalStatus.PENDING;
            change.approvalRound++;
            change.approvedAt = null;
        });
    }

    private Uni<Void> requireNoHardConflicts(ChangeRequest change) {
        if (change.conflictOverrideReason != null) {
            return Uni.createFrom().voidItem();
        }
        return calendar.conflicts(change).invoke(conflicts -> {
            List<String> hard = conflicts.stream().filter(Conflict::hard).map(Conflict::description).toList();
            if (!hard.isEmpty()) {
                throw ApiProblem.conflict("Hard schedule conflicts: " + String.join("; ", hard)
                        + ". Move the window (see first-available-window) or have a change manager record an"
                        + " override");
            }
        }).replaceWithVoid();
    }

    private static void requirePlans(ChangeRequest change) {
        List<ProblemDetail.FieldError> missing = new ArrayList<>();
        if (blank(change.implementationPlan)) {
            missing.add(new ProblemDetail.FieldError("implementationPlan", "required before authorisation"));
        }
        if (blank(change.backoutPlan)) {
            missing.add(new ProblemDetail.FieldError("backoutPlan", "required before authorisation"));
        }
        if (blank(change.testPlan)) {
            missing.add(new ProblemDetail.FieldError("testPlan", "required before authorisation"));
        }
        requireWindowAndServices(change, missing);
        if (!missing.isEmpty()) {
            throw ApiProblem.invalidFields(missing);
        }
    }

    private static void requireWindowAndServices(ChangeRequest change, List<ProblemDetail.FieldError> missing) {
        if (change.plannedStart == null) {
            missing.add(new ProblemDetail.FieldError("plannedStart", "a planned window is required"));
        }
        if (change.plannedEnd == null) {
            missing.add(new ProblemDetail.FieldError("plannedEnd", "a planned window is required"));
        }
        if (change.affectedServiceIds.isEmpty()) {
            missing.add(new ProblemDetail.FieldError("affectedServiceIds", "name at least one affected service"));
        }
    }

    /**
     * Window order, live catalog services, offerings of those services, a template for standard changes, and (when
     * {@code checkCatalogUpdate}) the catalog update: the contract's value rules ({@link CatalogUpdateRules}, the
     * same the catalog applies) and, from the catalog read model, offerings that exist and belong to the affected
     * services. 422 naming each field.
     */
    private Uni<Void> validate(ChangeRequest change, boolean checkCatalogUpdate) {
        if (change.plannedStart != null && change.plannedEnd != null && !change.plannedEnd.isAfter(change.plannedStart)) {
            throw ApiProblem.invalidField("plannedEnd", "must be after plannedStart");
        }
        if (change.type != ChangeType.STANDARD && change.templateId != null) {
            throw ApiProblem.invalidField("templateId", "only standard changes come from a template");
        }
        if (change.type == ChangeType.STANDARD && change.templateId == null) {
            throw ApiProblem.invalidField("templateId", "a standard change names its pre-approved template");
        }
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (UUID offeringId : change.affectedOfferingIds) {
            checks = checks.flatMap(ignored -> catalog.offering(offeringId).invoke(offering -> {
                if (offering == null || "RETIRED".equals(offering.status)) {
                    throw ApiProblem.invalidField("affectedOfferingIds", "no active catalog offering " + offeringId);
                }
                if (!change.affectedServiceIds.contains(offering.serviceId)) {
                    // the offering's service is affected too
                    List<UUID> services = new ArrayList<>(change.affectedServiceIds);
                    services.add(offering.serviceId);
                    change.affectedServiceIds = List.copyOf(services);
                }
            }).replaceWithVoid());
        }
        return checks.flatMap(ignored -> {
            Uni<Void> services = Uni.createFrom().voidItem();
            for (UUID serviceId : change.affectedServiceIds) {
                services = services.flatMap(done -> catalog.service(serviceId).invoke(service -> {
                    if (service == null || "RETIRED".equals(service.lifecycle)) {
                        throw ApiProblem.invalidField("affectedServiceIds", "no catalog service in use " + serviceId);
                    }
                }).replaceWithVoid());
            }
            return checkCatalogUpdate ? services.flatMap(done -> validateCatalogUpdate(change)) : services;
        });
    }

    private Uni<Void> validateCatalogUpdate(ChangeRequest change) {
        CatalogUpdate update = events.catalogUpdate(change.catalogUpdate);
        if (update == null) {
            return Uni.createFrom().voidItem();
        }
        List<ProblemDetail.FieldError> errors = new ArrayList<>(CatalogUpdateRules.check(update,
                change.affectedServiceIds).stream()
                .map(error -> new ProblemDetail.FieldError(error.field(), error.message())).toList());
        List<UUID> retired = update.offeringsRetired() == null ? List.of() : update.offeringsRetired();
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (int i = 0; i < retired.size(); i++) {
            String field = "catalogUpdate.offeringsRetired[" + i + "]";
            UUID offeringId = retired.get(i);
            if (offeringId != null) {
                checks = checks.flatMap(done -> offeringOfAffected(change, offeringId, field, errors));
            }
        }
        if (update.slaOfferingId() != null) {
            checks = checks.flatMap(done -> offeringOfAffected(change, update.slaOfferingId(),
                    "catalogUpdate.slaOfferingId", errors));
        }
        return checks.invoke(() -> {
            if (!errors.isEmpty()) {
                throw ApiProblem.unprocessableFields(errors);
            }
        });
    }

    private Uni<Void> offeringOfAffected(ChangeRequest change, UUID offeringId, String field,
            List<ProblemDetail.FieldError> errors) {
        return catalog.offering(offeringId).invoke(offering -> {
            if (offering == null) {
                errors.add(new ProblemDetail.FieldError(field, "no catalog offering " + offeringId));
            } else if (!change.affectedServiceIds.contains(offering.serviceId)) {
                errors.add(new ProblemDetail.FieldError(field, "offering " + offeringId
                        + " is not an offering of the change's affected services"));
            } else if ("RETIRED".equals(offering.status)) {
                errors.add(new ProblemDetail.FieldError(field, "offering " + offeringId + " is retired"));
            }
        }).replaceWithVoid();
    }

    /** A standard change takes the template's plans where it has none of its own. */
    private Uni<Void> applyTemplate(ChangeRequest change) {
        if (change.type != ChangeType.STANDARD) {
            return Uni.createFrom().voidItem();
        }
        return templates.findById(change.templateId).invoke((ChangeTemplate template) -> {
            if (template == null || !template.active) {
                throw ApiProblem.invalidField("templateId", "no active standard change template " + change.templateId);
            }
            change.implementationPlan = blank(change.implementationPlan) ? template.implementationPlan
                    : change.implementationPlan;
            change.backoutPlan = blank(change.backoutPlan) ? template.backoutPlan : change.backoutPlan;
            change.testPlan = blank(change.testPlan) ? template.testPlan : change.testPlan;
        }).replaceWithVoid();
    }

    /** The access rule of the move (approvers are not needed by the moves' rules). */
    private static void requireAllowed(ChangeMove move, ChangeRequest change, Actor actor) {
        ChangeAccess.refusal(move, actor.who(), facts(change, Set.of())).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
    }

    static ChangeAccess.Facts facts(ChangeRequest change, Set<String> approvers) {
        return new ChangeAccess.Facts(change.number, change.type, change.state, change.approvalStatus,
                change.requester, change.implementer, approvers);
    }

    /** Everyone who approved the change, in any round. */
    private Uni<Set<String>> approvers(ChangeRequest change) {
        return approvals.ofChange(change.id).map(votes -> votes.stream()
                .filter(vote -> vote.decision == Decision.APPROVE).map(vote -> vote.voter)
                .collect(Collectors.toSet()));
    }

    /** Serialises scheduling on the change's services and implementer (see {@link ChangeRepository#lockCalendar}). */
    private Uni<Void> lockCalendar(ChangeRequest change) {
        List<String> keys = new ArrayList<>(change.affectedServiceIds.stream().map(id -> "service:" + id).toList());
        if (change.implementer != null) {
            keys.add("implementer:" + change.implementer);
        }
        return changes.lockCalendar(keys);
    }

    private static boolean movesWindow(ChangeRequest change, UpdateChange request) {
        return request.plannedStart() != null && !request.plannedStart().equals(change.plannedStart)
                || request.plannedEnd() != null && !request.plannedEnd().equals(change.plannedEnd);
    }

    private static boolean editsOnlyWindow(UpdateChange request) {
        return editsPlan(new UpdateChange(request.type(), request.title(), request.description(),
                request.justification(), request.affectedServiceIds(), request.affectedOfferingIds(), null, null,
                request.implementationPlan(), request.backoutPlan(), request.testPlan(), null, null,
                request.templateId(), request.problemNumber(), request.catalogUpdate(), request.riskAssessment())) == false;
    }

    /** The event of an intermediate moment reports the state the move leads to. */
    private static ChangeRequest withState(ChangeRequest change, ChangeState state) {
        change.state = state;
        return change;
    }

    private static ApprovalPolicy.Vote counted(ChangeApproval approval) {
        return new ApprovalPolicy.Vote(approval.voter, approval.capacity, approval.decision);
    }

    private static boolean editsPlan(UpdateChange request) {
        return request.type() != null || request.title() != null || request.description() != null
                || request.justification() != null || request.affectedServiceIds() != null
                || request.affectedOfferingIds() != null || request.plannedStart() != null
                || request.plannedEnd() != null || request.implementationPlan() != null
                || request.backoutPlan() != null || request.testPlan() != null || request.templateId() != null
                || request.problemNumber() != null || request.catalogUpdate() != null
                || request.riskAssessment() != null;
    }

    static RiskAnswers answersOf(ChangeRequest change) {
        return new RiskAnswers(change.riskImpact, change.riskComplexity, change.riskBackoutDifficulty,
                change.riskTesting);
    }

    private static RiskAnswers merge(RiskAnswers stored, RiskAnswers given) {
        return new RiskAnswers(given.impact() != null ? given.impact() : stored.impact(),
                given.complexity() != null ? given.complexity() : stored.complexity(),
                given.backoutDifficulty() != null ? given.backoutDifficulty() : stored.backoutDifficulty(),
                given.testing() != null ? given.testing() : stored.testing());
    }

    private static void setAnswers(ChangeRequest change, RiskAnswers answers) {
        if (answers == null) {
            return;
        }
        change.riskImpact = answers.impact();
        change.riskComplexity = answers.complexity();
        change.riskBackoutDifficulty = answers.backoutDifficulty();
        change.riskTesting = answers.testing();
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private String json(CatalogUpdate update) {
        if (update == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
