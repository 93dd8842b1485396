package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.ProblemType;
import org.itsm.problem.domain.FixChangeOutcome;
import org.itsm.problem.domain.IllegalMoveException;
import org.itsm.problem.domain.IncidentLinkRule;
import org.itsm.problem.domain.KnownError;
import org.itsm.problem.domain.Move;
import org.itsm.problem.domain.Priority;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAccess;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.domain.ProblemLifecycle;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.domain.ResolutionCode;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.CatalogReadModelRepository;
import org.itsm.problem.repository.KnownErrorRepository;
import org.itsm.problem.repository.ObservedIncidentRepository;
import org.itsm.problem.repository.ProblemLinkRepository;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.problem.rest.ProblemApi.CreateProblem;
import org.itsm.problem.rest.ProblemApi.PublishKnownError;
import org.itsm.problem.rest.ProblemApi.Resolve;
import org.itsm.problem.rest.ProblemApi.UpdateProblem;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Problem use cases. Each write is one transaction: state change, history and outbox event together. The
 * package-level methods without a transaction annotation run inside the caller's (an event consumer's).
 */
@ApplicationScoped
public class ProblemService {

    static final String NUMBER_PREFIX = "PRB";

    private final ProblemRepository problems;
    private final ProblemLinkRepository links;
    private final KnownErrorRepository knownErrors;
    private final CatalogReadModelRepository catalog;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final ProblemEventPublisher events;
    private final ObservedIncidentRepository observed;
    private final Clock clock;
    private final ProblemLifecycle lifecycle = new ProblemLifecycle();
    private final ProblemAccess access = new ProblemAccess();
    private final IncidentLinkRule linkRule = new IncidentLinkRule();

    public ProblemService(ProblemRepository problems, ProblemLinkRepository links, KnownErrorRepository knownErrors,
            CatalogReadModelRepository catalog, NumberSequence numbers, RecordHistory history,
            IdempotencyKeys idempotencyKeys, ProblemEventPublisher events, ObservedIncidentRepository observed,
            Clock clock) {
        this.observed = observed;
        this.clock = clock;
        this.problems = problems;
        this.links = links;
        this.knownErrors = knownErrors;
        this.catalog = catalog;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
    }

    /** Result of a create: the problem and whether this call created it (201) or replays an earlier one. */
    public record Created(Problem problem, boolean isNew) {
    }

    @WithTransaction
    public Uni<Created> create(CreateProblem request, ProblemAccess.Caller caller, String idempotencyKey,
            String rawBody) {
        List<String> assignment = new ArrayList<>();
        if (request.assignee() != null) {
            assignment.add("assignee");
        }
        if (request.assignmentGroup() != null) {
            assignment.add("assignmentGroup");
        }
        if (!assignment.isEmpty() && !access.may(caller, ProblemAccess.ASSIGN)) {
            throw ApiProblem.forbidden("Only a problem manager assigns problems; propose it without "
                    + String.join(" and ", assignment));
        }
        Actor actor = new Actor(caller.name());
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> problems.findById(outcome.id())
                        .map(problem -> new Created(problem, !outcome.replayed())));
    }

    private Uni<UUID> insert(CreateProblem request, Actor actor) {
        Problem problem = newProblem(request.statement().strip(), request.description(), request.serviceId(),
                request.category(), request.impact(), request.urgency(), ProblemSource.MANUAL, actor);
        problem.assignmentGroup = request.assignmentGroup();
        problem.assignee = request.assignee();
        List<String> incidents = request.incidentNumbers() == null ? List.of()
                : request.incidentNumbers().stream().distinct().toList();
        return validateService(problem)
                .flatMap(ignored -> requireLinkable(problem.id, incidents, "incidentNumbers"))
                .flatMap(ignored -> persistNew(problem, actor, EventTypes.PROBLEM_CREATED))
                .flatMap(saved -> linkAll(saved, incidents, actor))
                .map(ignored -> problem.id);
    }

    /** A new problem in state New, not yet numbered or stored. */
    Problem newProblem(String statement, String description, UUID serviceId, String category, int impact,
            int urgency, ProblemSource source, Actor actor) {
        Instant now = clock.instant();
        Problem problem = new Problem();
        problem.id = UUID.randomUUID();
        problem.statement = statement;
        problem.description = description;
        problem.serviceId = serviceId;
        problem.category = category;
        problem.impact = impact;
        problem.urgency = urgency;
        problem.priority = Priority.of(impact, urgency);
        problem.state = ProblemState.NEW;
        problem.source = source;
        problem.createdBy = actor.name();
        problem.createdAt = now;
        problem.updatedAt = now;
        return problem;
    }

    /** Numbers and stores a new problem, with its history and its creation event. */
    Uni<Problem> persistNew(Problem problem, Actor actor, String eventType) {
        return defaultAssignmentGroup(problem)
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    problem.number = number;
                    return problems.persistAndFlush(problem);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), List.of(
                        FieldChange.of("state", null, saved.state), FieldChange.of("priority", null, saved.priority),
                        FieldChange.of("source", null, saved.source))))
                .flatMap(ignored -> events.publish(eventType, problem, List.of()))
                .map(ignored -> problem);
    }

    private Uni<Void> validateService(Problem problem) {
        if (problem.serviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.service(problem.serviceId).invoke(found -> {
            if (found == null || "RETIRED".equals(found.lifecycle)) {
                throw ApiProblem.invalidField("serviceId", "no live catalog service " + problem.serviceId);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> defaultAssignmentGroup(Problem problem) {
        if (problem.serviceId == null || problem.assignmentGroup != null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.service(problem.serviceId).invoke(found -> {
            if (found != null) {
                problem.assignmentGroup = found.supportGroup;
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Problem> get(UUID id) {
        return problems.findById(id).invoke(problem -> {
            if (problem == null) {
                throw ApiProblem.notFound("Problem", id);
            }
        });
    }

    @WithTransaction
    public Uni<Problem> update(UUID id, String ifMatch, UpdateProblem request, Actor actor) {
        return get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            requireAllowed(problem, ProblemAction.UPDATE);
            return requireOneCandidatePerPattern(problem,
                    request.serviceId() != null ? request.serviceId() : problem.serviceId,
                    request.category() != null ? request.category() : problem.category)
                    .flatMap(ignored -> applyUpdate(problem, request, actor));
        });
    }

    private Uni<Problem> applyUpdate(Problem problem, UpdateProblem request, Actor actor) {
        List<FieldChange> changes = new ArrayList<>();
        Priority priorityBefore = problem.priority;
        boolean rootCauseNew = problem.rootCause == null && request.rootCause() != null;
        if (request.statement() != null) {
            changes.add(FieldChange.of("statement", problem.statement, request.statement().strip()));
            problem.statement = request.statement().strip();
        }
        if (request.description() != null) {
            changes.add(FieldChange.of("description", problem.description, request.description()));
            problem.description = request.description();
        }
        if (request.serviceId() != null) {
            changes.add(FieldChange.of("serviceId", problem.serviceId, request.serviceId()));
            problem.serviceId = request.serviceId();
        }
        if (request.category() != null) {
            changes.add(FieldChange.of("category", problem.category, request.category()));
            problem.category = request.category();
        }
        if (request.impact() != null) {
            changes.add(FieldChange.of("impact", problem.impact, request.impact()));
            problem.impact = request.impact();
        }
        if (request.urgency() != null) {
            changes.add(FieldChange.of("urgency", problem.urgency, request.urgency()));
            problem.urgency = request.urgency();
        }
        problem.priority = Priority.of(problem.impact, problem.urgency);
        changes.add(FieldChange.of("priority", priorityBefore, problem.priority));
        if (request.assignmentGroup() != null) {
            changes.add(FieldChange.of("assignmentGroup", problem.assignmentGroup, request.assignmentGroup()));
            problem.assignmentGroup = request.assignmentGroup();
        }
        if (request.assignee() != null) {
            changes.add(FieldChange.of("assignee", problem.assignee, request.assignee()));
            problem.assignee = request.assignee();
        }
        if (request.rootCause() != null) {
            changes.add(FieldChange.of("rootCause", problem.rootCause, request.rootCause()));
            problem.rootCause = request.rootCause();
        }
        if (request.workaround() != null) {
            changes.add(FieldChange.of("workaround", problem.workaround, request.workaround()));
            problem.workaround = request.workaround();
        }
        if (request.fixDescription() != null) {
            changes.add(FieldChange.of("fixDescription", problem.fixDescription, request.fixDescription()));
            problem.fixDescription = request.fixDescription();
        }
        if (changes.stream().noneMatch(FieldChange::changed)) {
            return Uni.createFrom().item(problem);
        }
        Instant now = clock.instant();
        problem.updatedAt = now;
        if (rootCauseNew) {
            problem.rootCauseIdentifiedAt = now;
        }
        return validateService(problem)
                .flatMap(ignored -> history.record(problem.id, actor.name(), changes))
                .flatMap(ignored -> publishWithLinks(rootCauseNew ? EventTypes.PROBLEM_ROOT_CAUSE_IDENTIFIED
                        : EventTypes.PROBLEM_UPDATED, problem))
                .map(ignored -> problem);
    }

    /**
     * One open detected candidate per service and category (the partial unique index behind detection): a candidate
     * moved onto the service and category of another is refused, naming it, instead of failing on the index.
     * Asked before the problem changes (a query would flush the change first).
     */
    private Uni<Void> requireOneCandidatePerPattern(Problem problem, UUID serviceId, String category) {
        if (problem.source != ProblemSource.DETECTED || serviceId == null || category == null
                || serviceId.equals(problem.serviceId) && category.equals(problem.category)) {
            return Uni.createFrom().voidItem();
        }
        return problems.findOpenCandidate(serviceId, category, problem.id).invoke(other -> {
            if (other != null) {
                throw ApiProblem.conflict(other.number + " is the open detected candidate of this service and "
                        + "category; resolve " + problem.number + " as its DUPLICATE instead");
            }
        }).replaceWithVoid();
    }

    /** A move the caller may make now, with the fields it still needs (per resolution code for resolve). */
    public record MoveOption(ProblemLifecycle.AllowedMove move, List<String> requiredFields,
            Map<ResolutionCode, List<String>> requiredFieldsByCode) {
    }

    /** What the caller may do to the problem now: the moves, and every action's name (moves first). */
    public record Options(List<MoveOption> moves, List<String> allowedActions) {
    }

    /**
     * The moves and actions the problem's state admits (ProblemLifecycle) that the caller may take (ProblemAccess,
     * the rule the endpoints' roles are checked against), each move with what it still needs.
     */
    public Options options(Problem problem, ProblemAccess.Caller caller) {
        List<ProblemLifecycle.AllowedMove> moves = access.movesFor(caller, lifecycle.allowedMoves(problem.state));
        ProblemLifecycle.Facts facts = facts(problem, null, null);
        return new Options(moves.stream().map(move -> new MoveOption(move, lifecycle.requiredFields(move.move(), facts),
                move.move() == Move.RESOLVE ? lifecycle.requiredFieldsByCode(problem.state, facts) : Map.of()))
                .toList(),
                access.actionsFor(caller, problem.state));
    }

    @WithTransaction
    public Uni<Problem> assess(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.ASSESS, null, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> analyse(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.ANALYSE, null, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> startFix(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.START_FIX, null, null, actor, problem -> {
            requireMet(Move.START_FIX, null, facts(problem, null, null));
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Problem> reanalyse(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.REANALYSE, null, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> resolve(UUID id, String ifMatch, Resolve request, Actor actor) {
        return get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            requireMet(Move.RESOLVE, request.resolutionCode(),
                    facts(problem, request.resolutionNotes(), request.duplicateOf()));
            Uni<Void> duplicateCheck = request.resolutionCode() == ResolutionCode.DUPLICATE
                    ? requireOtherProblem(problem, request.duplicateOf()) : Uni.createFrom().voidItem();
            return duplicateCheck.flatMap(ignored -> resolve(problem, request.resolutionCode(),
                    request.resolutionNotes(), request.resolutionCode() == ResolutionCode.DUPLICATE
                            ? request.duplicateOf() : null, actor));
        });
    }

    private Uni<Problem> resolve(Problem problem, ResolutionCode code, String notes, String duplicateOf,
            Actor actor) {
        return applyMove(problem, Move.RESOLVE, code, null, actor, resolved -> {
            resolved.resolutionCode = code;
            resolved.resolutionNotes = notes;
            resolved.duplicateOf = duplicateOf;
            resolved.resolvedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> requireOtherProblem(Problem problem, String number) {
        if (number.equals(problem.number)) {
            throw ApiProblem.invalidField("duplicateOf", "a problem cannot duplicate itself");
        }
        return problems.findByNumber(number).invoke(found -> {
            if (found == null) {
                throw ApiProblem.invalidField("duplicateOf", "no problem " + number);
            }
            if (found.state == ProblemState.CANCELLED) {
                throw unprocessableField("duplicateOf", number + " was cancelled; name the problem that "
                        + "stands");
            }
            if (problem.number.equals(found.duplicateOf)) {
                throw unprocessableField("duplicateOf", number + " is itself a duplicate of "
                        + problem.number);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Problem> close(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.CLOSE, null, null, actor, problem -> {
            problem.closedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Problem> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        return move(id, ifMatch, Move.CANCEL, null, reason, actor, problem -> {
            requireMet(Move.CANCEL, null, new ProblemLifecycle.Facts(problem.rootCause, problem.fixChangeNumber,
                    problem.fixChangeOutcome, null, null, reason));
            problem.resolutionCode = ResolutionCode.CANCELLED;
            problem.resolutionNotes = reason;
            problem.closedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Problem> move(UUID id, String ifMatch, Move move, ResolutionCode code, String reason, Actor actor,
            Function<Problem, Uni<Void>> effect) {
        return get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            return applyMove(problem, move, code, reason, actor, effect);
        });
    }

    /**
     * Applies a lifecycle move with its effect, history (the state, why it moved, how it ended) and event; 409 naming
     * the allowed moves when illegal.
     */
    Uni<Problem> applyMove(Problem problem, Move move, ResolutionCode code, String reason, Actor actor,
            Function<Problem, Uni<Void>> effect) {
        ProblemState from = problem.state;
        ProblemState target;
        try {
            target = lifecycle.apply(from, move, code);
        } catch (IllegalMoveException e) {
            throw illegal(e);
        }
        ResolutionCode codeBefore = problem.resolutionCode;
        String notesBefore = problem.resolutionNotes;
        String duplicateBefore = problem.duplicateOf;
        return effect.apply(problem).flatMap(ignored -> {
            problem.state = target;
            problem.updatedAt = clock.instant();
            List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("state", from, target)));
            if (reason != null) {
                changes.add(FieldChange.of("stateReason", null, reason));
            }
            changes.add(FieldChange.of("resolutionCode", codeBefore, problem.resolutionCode));
            changes.add(FieldChange.of("resolutionNotes", notesBefore, problem.resolutionNotes));
            changes.add(FieldChange.of("duplicateOf", duplicateBefore, problem.duplicateOf));
            return history.record(problem.id, actor.name(), changes)
                    .flatMap(recorded -> publishWithLinks(eventTypeOf(target), problem))
                    .map(published -> problem);
        });
    }

    private static ApiProblem illegal(IllegalMoveException e) {
        return new ApiProblem(ProblemType.ILLEGAL_MOVE, e.getMessage() + "; allowed now: "
                + (e.allowedMoves().isEmpty() ? "none" : String.join(", ", e.allowedMoves())), null,
                e.allowedMoves());
    }

    private static String eventTypeOf(ProblemState target) {
        return switch (target) {
            case RESOLVED -> EventTypes.PROBLEM_RESOLVED;
            case CLOSED -> EventTypes.PROBLEM_CLOSED;
            default -> EventTypes.PROBLEM_STATE_CHANGED;
        };
    }

    private void requireMet(Move move, ResolutionCode code, ProblemLifecycle.Facts facts) {
        List<ProblemLifecycle.Violation> unmet = lifecycle.unmetRequirements(move, code, facts);
        if (!unmet.isEmpty()) {
            throw unmet(move.action(), unmet);
        }
    }

    private static ApiProblem unprocessableField(String field, String message) {
        return unmet(List.of(new ProblemLifecycle.Violation(field, message)));
    }

    private static ApiProblem unmet(List<ProblemLifecycle.Violation> unmet) {
        return new ApiProblem(ProblemType.UNPROCESSABLE, unmet.get(0).message(),
                unmet.stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList(), null);
    }

    private static ApiProblem unmet(String what, List<ProblemLifecycle.Violation> unmet) {
        return new ApiProblem(ProblemType.REQUIREMENTS_UNMET,
                "Cannot " + what + " yet: " + unmet.size() + " requirement(s) unmet",
                unmet.stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList(), null);
    }

    private static ProblemLifecycle.Facts facts(Problem problem, String notes, String duplicateOf) {
        return new ProblemLifecycle.Facts(problem.rootCause, problem.fixChangeNumber, problem.fixChangeOutcome, notes,
                duplicateOf, null);
    }

    // --- incident links --------------------------------------------------------------------------------------

    /** Result of a link: the problem and whether the incident was newly linked (201) or already was (200). */
    public record Linked(Problem problem, boolean isNew) {
    }

    @WithTransaction
    public Uni<Linked> link(UUID id, String incidentNumber, Actor actor) {
        return get(id).flatMap(problem -> {
            requireAllowed(problem, ProblemAction.LINK_INCIDENT);
            return requireLinkable(problem.id, List.of(incidentNumber), "incidentNumber").flatMap(ignored -> {
                int before = problem.incidentCount;
                return linkAll(problem, List.of(incidentNumber), actor)
                        .map(linked -> new Linked(linked, linked.incidentCount > before));
            });
        });
    }

    /**
     * The rule of every link a person asks for, on create and on link alike (IncidentLinkRule): the incidents are
     * known to problem management and not cancelled (422 naming them under {@code field}), and in no other open
     * problem (409). Takes the incidents' link locks first, so the answer holds until the transaction ends.
     */
    private Uni<Void> requireLinkable(UUID problemId, List<String> incidentNumbers, String field) {
        if (incidentNumbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return links.lockIncidents(incidentNumbers)
                .flatMap(locked -> observed.statesOf(incidentNumbers))
                .flatMap(states -> links.otherOpenProblemsOf(incidentNumbers, problemId)
                        .invoke(elsewhere -> {
                            IncidentLinkRule.Verdict verdict = linkRule.judge(incidentNumbers, states, elsewhere);
                            if (verdict.unprocessable()) {
                                throw new ApiProblem(ProblemType.UNPROCESSABLE,
                                        String.join("; ", verdict.messages()), verdict.messages().stream()
                                                .map(message -> new ProblemDetail.FieldError(field, message)).toList(),
                                        null);
                            }
                            if (!verdict.inOtherOpenProblem().isEmpty()) {
                                throw ApiProblem.conflict(verdict.conflict());
                            }
                        }))
                .replaceWithVoid();
    }

    /**
     * Links the incidents not linked yet, counts them, and publishes one incident-linked event naming them (the
     * event lists every linked incident, as incident-service records the problem on each). Under the incidents' link
     * locks, an incident another open problem holds is never linked (detection skips it; a person's request was
     * refused before).
     */
    Uni<Problem> linkAll(Problem problem, List<String> incidentNumbers, Actor actor) {
        Instant now = clock.instant();
        List<String> added = new ArrayList<>();
        return links.lockIncidents(incidentNumbers)
                .flatMap(locked -> links.otherOpenProblemsOf(incidentNumbers, problem.id))
                .flatMap(elsewhere -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String number : incidentNumbers) {
                        if (elsewhere.containsKey(number)) {
                            continue;
                        }
                        chain = chain.flatMap(ignored -> links.link(problem.id, number, actor.name(), now)
                                .invoke(inserted -> {
                                    if (inserted) {
                                        added.add(number);
                                    }
                                }).replaceWithVoid());
                    }
                    return chain;
                })
                .flatMap(ignored -> {
                    if (added.isEmpty()) {
                        return Uni.createFrom().item(problem);
                    }
                    int before = problem.incidentCount;
                    problem.incidentCount += added.size();
                    problem.updatedAt = now;
                    List<FieldChange> changes = new ArrayList<>();
                    added.forEach(number -> changes.add(FieldChange.of("linkedIncident", null, number)));
                    changes.add(FieldChange.of("incidentCount", before, problem.incidentCount));
                    return history.record(problem.id, actor.name(), changes)
                            .flatMap(recorded -> links.numbersOf(problem.id))
                            .flatMap(all -> events.publish(EventTypes.PROBLEM_INCIDENT_LINKED, problem, all,
                                    List.copyOf(added)))
                            .map(published -> problem);
                });
    }

    @WithTransaction
    public Uni<Problem> unlink(UUID id, String incidentNumber, Actor actor) {
        return get(id).flatMap(problem -> {
            requireAllowed(problem, ProblemAction.UNLINK_INCIDENT);
            return links.unlink(problem.id, incidentNumber).flatMap(removed -> {
                if (!removed) {
                    throw ApiProblem.notFound("Link to incident", incidentNumber);
                }
                int before = problem.incidentCount;
                problem.incidentCount--;
                problem.updatedAt = clock.instant();
                return history.record(problem.id, actor.name(), List.of(
                        FieldChange.of("linkedIncident", incidentNumber, null),
                        FieldChange.of("incidentCount", before, problem.incidentCount)))
                        .flatMap(recorded -> links.numbersOf(problem.id))
                        .flatMap(all -> events.publish(EventTypes.PROBLEM_INCIDENT_UNLINKED, problem, all,
                                List.of(incidentNumber)))
                        .map(published -> problem);
            });
        });
    }

    // --- known error -----------------------------------------------------------------------------------------

    /** Result of a publish: the known error and the problem it belongs to. */
    public record Published(KnownError knownError, Problem problem) {
    }

    /**
     * Publishes (or republishes) the problem's known error; the workaround goes to the linked open incidents
     * through the event. The problem keeps the root cause and workaround published.
     */
    @WithTransaction
    public Uni<Published> publishKnownError(UUID id, String ifMatch, PublishKnownError request, Actor actor) {
        return get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            requireAllowed(problem, ProblemAction.PUBLISH_KNOWN_ERROR);
            return knownErrors.findByProblem(problem.id).flatMap(existing -> {
                Instant now = clock.instant();
                KnownError knownError = existing != null ? existing : new KnownError();
                boolean first = existing == null;
                KnownErrorRecord before = first ? null : KnownErrorRecord.of(knownError);
                if (first) {
                    knownError.id = UUID.randomUUID();
                    knownError.problemId = problem.id;
                }
                knownError.symptom = request.symptom();
                knownError.rootCause = request.rootCause() != null ? request.rootCause() : problem.rootCause;
                knownError.workaround = request.workaround();
                knownError.serviceId = request.serviceId() != null ? request.serviceId() : problem.serviceId;
                knownError.publishedBy = actor.name();
                knownError.publishedAt = first ? now : knownError.publishedAt;
                knownError.updatedAt = now;
                List<FieldChange> changes = List.of(
                        FieldChange.of("knownError", before, KnownErrorRecord.of(knownError)),
                        FieldChange.of("rootCause", problem.rootCause, knownError.rootCause),
                        FieldChange.of("workaround", problem.workaround, knownError.workaround));
                if (problem.rootCause == null && knownError.rootCause != null) {
                    problem.rootCauseIdentifiedAt = now;
                }
                problem.rootCause = knownError.rootCause;
                problem.workaround = knownError.workaround;
                problem.knownErrorPublishedAt = now;
                problem.updatedAt = now;
                return (first ? knownErrors.persist(knownError) : Uni.createFrom().item(knownError))
                        .flatMap(saved -> history.record(problem.id, actor.name(), changes))
                        .flatMap(recorded -> links.numbersOf(problem.id))
                        .flatMap(linked -> events.publishKnownError(problem, knownError, linked))
                        .map(published -> new Published(knownError, problem));
            });
        });
    }

    /** The known error as the history shows it (published and republished, with what changed). */
    record KnownErrorRecord(String symptom, String rootCause, String workaround, UUID serviceId) {

        static KnownErrorRecord of(KnownError knownError) {
            return new KnownErrorRecord(knownError.symptom, knownError.rootCause, knownError.workaround,
                    knownError.serviceId);
        }
    }

    @WithSession
    public Uni<KnownError> knownError(UUID id) {
        return get(id).flatMap(problem -> knownErrors.findByProblem(problem.id)).invoke(found -> {
            if (found == null) {
                throw ApiProblem.notFound("Known error of problem", id);
            }
        });
    }

    // --- fix through change ----------------------------------------------------------------------------------

    /**
     * Records the change that carries the fix; a problem still in analysis moves to Fix in Progress, which needs
     * the root cause. The change's implemented event resolves the problem later.
     */
    @WithTransaction
    public Uni<Problem> recordFixChange(UUID id, String ifMatch, String changeNumber, Actor actor) {
        return get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            requireAllowed(problem, ProblemAction.RECORD_FIX_CHANGE);
            List<ProblemLifecycle.Violation> refused = lifecycle.fixChangeViolations(changeNumber,
                    problem.fixChangeNumber, problem.fixChangeOutcome);
            if (!refused.isEmpty()) {
                throw unmet("record the fix change", refused);
            }
            List<FieldChange> changes = List.of(FieldChange.of("fixChangeNumber", problem.fixChangeNumber, changeNumber),
                    FieldChange.of("fixChangeOutcome", problem.fixChangeOutcome, null));
            if (changes.stream().noneMatch(FieldChange::changed)) {
                return Uni.createFrom().item(problem);
            }
            problem.fixChangeNumber = changeNumber;
            problem.fixChangeOutcome = null;
            problem.updatedAt = clock.instant();
            Uni<Void> recorded = history.record(problem.id, actor.name(), changes);
            if (problem.state == ProblemState.FIX_IN_PROGRESS) {
                return recorded.flatMap(ignored -> publishWithLinks(EventTypes.PROBLEM_UPDATED, problem))
                        .map(ignored -> problem);
            }
            requireMet(Move.START_FIX, null, facts(problem, null, null));
            return recorded.flatMap(ignored -> applyMove(problem, Move.START_FIX, null,
                    "Fix change " + changeNumber + " recorded", actor, started -> Uni.createFrom().voidItem()));
        });
    }

    /**
     * The fix change ended (implemented, failed or cancelled): the outcome is recorded on the problems it was to
     * fix, and ProblemLifecycle says what follows: an implemented change resolves a problem in Fix in Progress
     * (FIX_APPLIED); a failed or cancelled one sends it back to Root Cause Analysis, with the reason in its history,
     * since no fix is pending any more. Runs in the consumer's transaction.
     */
    public Uni<Void> fixChangeEnded(String changeNumber, FixChangeOutcome outcome) {
        return problems.findOpenByFixChange(changeNumber).flatMap(affected -> chain(affected, problem -> {
            String before = problem.fixChangeOutcome;
            problem.fixChangeOutcome = outcome.name();
            problem.updatedAt = clock.instant();
            Uni<Void> recorded = history.record(problem.id, Actor.CHANGE_EVENTS.name(),
                    List.of(FieldChange.of("fixChangeOutcome", before, problem.fixChangeOutcome)));
            Optional<Move> next = lifecycle.onFixChangeEnded(problem.state, outcome);
            if (next.isEmpty()) {
                // not being fixed (back in analysis): the outcome is recorded, the problem manager decides
                return recorded.flatMap(ignored -> publishWithLinks(EventTypes.PROBLEM_UPDATED, problem));
            }
            if (next.get() == Move.RESOLVE) {
                return recorded.flatMap(ignored -> resolve(problem, ResolutionCode.FIX_APPLIED,
                        "Fix implemented by change " + changeNumber, null, Actor.CHANGE_EVENTS));
            }
            String reason = "Fix change " + changeNumber + " " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                    + ": no fix is pending, back to root cause analysis";
            return recorded.flatMap(ignored -> applyMove(problem, next.get(), null, reason, Actor.CHANGE_EVENTS,
                    moved -> Uni.createFrom().voidItem()));
        }));
    }

    Uni<Void> publishWithLinks(String type, Problem problem) {
        return links.numbersOf(problem.id).flatMap(linked -> events.publish(type, problem, linked));
    }

    /** Refuses, with 409 naming what the state admits, an action ProblemLifecycle does not allow now. */
    private void requireAllowed(Problem problem, ProblemAction action) {
        try {
            lifecycle.requireAllowed(problem.state, action);
        } catch (IllegalMoveException e) {
            throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + " (" + problem.number + ")", null,
                    e.allowedMoves());
        }
    }

    static <T> Uni<Void> chain(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
