package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.incident.domain.SlaPause;
import org.itsm.incident.config.IncidentConfig;
import org.itsm.incident.domain.HoldReason;
import org.itsm.incident.domain.IllegalMoveException;
import org.itsm.incident.domain.IncidentAccess;
import org.itsm.incident.domain.IncidentHierarchy;
import org.itsm.incident.domain.IncidentLifecycle;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.domain.Move;
import org.itsm.incident.domain.Priority;
import org.itsm.incident.domain.ResolutionCode;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.CatalogReadModelRepository;
import org.itsm.incident.repository.IncidentCommentRepository;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.repository.SlaPauseRepository;
import org.itsm.incident.rest.IncidentApi.Assign;
import org.itsm.incident.rest.IncidentApi.CreateIncident;
import org.itsm.incident.rest.IncidentApi.Hold;
import org.itsm.incident.rest.IncidentApi.Resolve;
import org.itsm.incident.rest.IncidentApi.UpdateIncident;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Incident use cases. Each write is one transaction: state change, history and outbox event together. */
@ApplicationScoped
public class IncidentService {

    static final String NUMBER_PREFIX = "INC";

    private final IncidentRepository incidents;
    private final IncidentCommentRepository comments;
    private final CatalogReadModelRepository catalog;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final IncidentEventPublisher events;
    private final SlaPolicy slaPolicy;
    private final IncidentConfig config;
    private final IncidentLifecycle lifecycle;
    private final SlaPauseRepository slaPauses;
    private final IncidentMeasures measures;
    private final SlaAlerts slaAlerts;
    private final Clock clock;

    public IncidentService(IncidentRepository incidents, IncidentCommentRepository comments,
            SlaPauseRepository slaPauses, CatalogReadModelRepository catalog, NumberSequence numbers,
            RecordHistory history, IdempotencyKeys idempotencyKeys, IncidentEventPublisher events,
            SlaPolicy slaPolicy, IncidentMeasures measures, IncidentConfig config, SlaAlerts slaAlerts,
            Clock clock) {
        this.measures = measures;
        this.slaAlerts = slaAlerts;
        this.clock = clock;
        this.incidents = incidents;
        this.comments = comments;
        this.slaPauses = slaPauses;
        this.catalog = catalog;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.config = config;
        this.lifecycle = new IncidentLifecycle(config.reopenPeriod());
    }

    /** Result of a create: the incident and whether it is new (201) or an existing one (200). */
    public record Created(Incident incident, boolean isNew) {
    }

    @WithTransaction
    public Uni<Created> create(CreateIncident request, Actor actor, String idempotencyKey, String rawBody) {
        if (Boolean.TRUE.equals(request.major()) && !IncidentAccess.mayDeclareMajor(actor.roles())) {
            throw ApiProblem.forbidden("Your roles may not declare a major incident (field major)");
        }
        if (request.correlationKey() != null) {
            // a correlation only ever matches incidents the caller can see: a requester's only their own
            return incidents.findOpenByCorrelationKey(request.correlationKey(), actor.isStaff() ? null : actor.name())
                    .flatMap(open -> open != null
                    ? addRepeatedReport(open, actor).map(incident -> new Created(incident, false))
                    : createNew(request, actor, idempotencyKey, rawBody));
        }
        return createNew(request, actor, idempotencyKey, rawBody);
    }

    private Uni<Created> createNew(CreateIncident request, Actor actor, String idempotencyKey, String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> incidents.findById(outcome.id())
                        .map(incident -> new Created(incident, !outcome.replayed())));
    }

    private Uni<UUID> insert(CreateIncident request, Actor actor) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.shortDescription = request.shortDescription().strip();
        incident.description = request.description();
        incident.caller = request.caller() != null && actor.isStaff() ? request.caller() : actor.name();
        incident.category = request.category();
        incident.subcategory = request.subcategory();
        incident.serviceId = request.serviceId();
        incident.offeringId = request.offeringId();
        incident.impact = request.impact();
        incident.urgency = request.urgency();
        incident.priority = Priority.of(incident.impact, incident.urgency);
        incident.assignmentGroup = request.assignmentGroup();
        incident.correlationKey = request.correlationKey();
        incident.parentId = request.parentId();
        incident.major = Boolean.TRUE.equals(request.major());
        incident.reportCount = 1;
        incident.state = IncidentState.NEW;
        incident.createdAt = now;
        incident.updatedAt = now;
        return validateReferences(incident)
                .flatMap(ignored -> slaPolicy.applyTerms(incident))
                .flatMap(ignored -> flagPossibleCause(incident))
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    incident.number = number;
                    return incidents.persist(incident);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), saved.major
                        ? List.of(FieldChange.of("state", null, saved.state),
                                FieldChange.of("priority", null, saved.priority), FieldChange.of("major", null, true))
                        : List.of(FieldChange.of("state", null, saved.state),
                                FieldChange.of("priority", null, saved.priority))))
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_CREATED, incident, List.of()))
                .invoke(() -> measures.created(incident.priority))
                .flatMap(ignored -> incident.major ? events.publish(EventTypes.INCIDENT_MAJOR_DECLARED, incident,
                        List.of("major")) : Uni.createFrom().voidItem())
                .map(ignored -> incident.id);
    }

    /** A repeated monitoring alert: counted and noted on the open incident instead of a duplicate. */
    private Uni<Incident> addRepeatedReport(Incident open, Actor actor) {
        int before = open.reportCount;
        open.reportCount++;
        open.updatedAt = clock.instant();
        return addComment(open, "system", "Repeated report #" + open.reportCount + " from " + actor.name(), true)
                .flatMap(ignored -> history.record(open.id, actor.name(),
                        List.of(FieldChange.of("reportCount", before, open.reportCount))))
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, open, List.of("reportCount")))
                .map(ignored -> open);
    }

    private Uni<Void> validateReferences(Incident incident) {
        // deferred: the offering check may fill in the service first
        Uni<Void> service = Uni.createFrom().deferred(() -> incident.serviceId == null ? Uni.createFrom().voidItem()
                : catalog.service(incident.serviceId).invoke(found -> {
                    if (found == null || "RETIRED".equals(found.lifecycle)) {
                        throw ApiProblem.invalidField("serviceId", "no live catalog service " + incident.serviceId);
                    }
                    if (incident.assignmentGroup == null) {
                        incident.assignmentGroup = found.supportGroup;
                    }
                }).replaceWithVoid());
        Uni<Void> offering = incident.offeringId == null ? Uni.createFrom().voidItem()
                : catalog.offering(incident.offeringId).invoke(found -> {
                    if (found == null || "RETIRED".equals(found.status)) {
                        throw ApiProblem.invalidField("offeringId", "no active offering " + incident.offeringId);
                    }
                    if (incident.serviceId == null) {
                        incident.serviceId = found.serviceId;
                    } else if (!incident.serviceId.equals(found.serviceId)) {
                        throw ApiProblem.invalidField("offeringId", "offering belongs to another service");
                    }
                    if (found.supportGroup != null && incident.assignmentGroup == null) {
                        incident.assignmentGroup = found.supportGroup;
                    }
                }).replaceWithVoid();
        Uni<Void> parent = incident.parentId == null ? Uni.createFrom().voidItem()
                : incidents.findById(incident.parentId).invoke(found -> {
                    if (found == null || !found.state.isOpen() || found.id.equals(incident.id)) {
                        throw ApiProblem.invalidField("parentId", "no open parent incident " + incident.parentId);
                    }
                }).replaceWithVoid();
        return offering.flatMap(ignored -> service).flatMap(ignored -> parent);
    }

    /** Refuses a parent that would make the incident its own ancestor (IncidentHierarchy). */
    private Uni<Void> requireNoParentCycle(Incident incident) {
        if (incident.parentId == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<List<UUID>> ancestors = incident.parentId.equals(incident.id) ? Uni.createFrom().item(List.of())
                : incidents.ancestorIds(incident.parentId);
        return ancestors.invoke(chain -> {
            if (IncidentHierarchy.closesCycle(incident.id, incident.parentId, chain)) {
                throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("parentId",
                        "incident " + incident.number + " cannot have parent " + incident.parentId
                                + ": it would become its own ancestor")));
            }
        }).replaceWithVoid();
    }

    private Uni<Void> flagPossibleCause(Incident incident) {
        if (incident.serviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.changeImplementedSince(incident.serviceId, incident.createdAt.minus(config.changeCausedWindow()))
                .invoke(change -> incident.possibleCauseChange = change)
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Incident> get(UUID id, Actor actor) {
        return incidents.findById(id).invoke(incident -> {
            if (incident == null || !actor.isStaff() && !actor.name().equals(incident.caller)) {
                // a requester cannot tell another caller's incident from a missing one
                throw ApiProblem.notFound("Incident", id);
            }
        });
    }

    @WithTransaction
    public Uni<Incident> update(UUID id, String ifMatch, UpdateIncident request, Actor actor) {
        return get(id, actor).flatMap(incident -> {
            ETags.requireCurrent(ifMatch, incident.version);
            if (!incident.state.isOpen() && incident.state != IncidentState.RESOLVED) {
                throw ApiProblem.conflict("Incident " + incident.number + " is " + incident.state + " and can no longer change");
            }
            List<FieldChange> changes = new ArrayList<>();
            boolean wasMajor = incident.major;
            Priority priorityBefore = incident.priority;
            UUID offeringBefore = incident.offeringId;
            UUID serviceBefore = incident.serviceId;
            UUID parentBefore = incident.parentId;
            if (request.shortDescription() != null) {
                changes.add(FieldChange.of("shortDescription", incident.shortDescription, request.shortDescription()));
                incident.shortDescription = request.shortDescription().strip();
            }
            if (request.description() != null) {
                changes.add(FieldChange.of("description", incident.description, request.description()));
                incident.description = request.description();
            }
            if (request.category() != null) {
                changes.add(FieldChange.of("category", incident.category, request.category()));
                incident.category = request.category();
            }
            if (request.subcategory() != null) {
                changes.add(FieldChange.of("subcategory", incident.subcategory, request.subcategory()));
                incident.subcategory = request.subcategory();
            }
            if (request.impact() != null) {
                changes.add(FieldChange.of("impact", incident.impact, request.impact()));
                incident.impact = request.impact();
            }
            if (request.urgency() != null) {
                changes.add(FieldChange.of("urgency", incident.urgency, request.urgency()));
                incident.urgency = request.urgency();
            }
            incident.priority = Priority.of(incident.impact, incident.urgency);
            changes.add(FieldChange.of("priority", priorityBefore, incident.priority));
            if (request.serviceId() != null) {
                changes.add(FieldChange.of("serviceId", incident.serviceId, request.serviceId()));
                incident.serviceId = request.serviceId();
            }
            if (request.offeringId() != null) {
                changes.add(FieldChange.of("offeringId", incident.offeringId, request.offeringId()));
                incident.offeringId = request.offeringId();
            }
            if (Boolean.TRUE.equals(request.major()) && !incident.major
                    && !IncidentAccess.mayDeclareMajor(actor.roles())) {
                throw ApiProblem.forbidden("Your roles may not declare a major incident (field major)");
            }
            if (request.major() != null) {
                changes.add(FieldChange.of("major", incident.major, request.major()));
                incident.major = request.major();
            }
            if (request.problemNumber() != null) {
                changes.add(FieldChange.of("problemNumber", incident.problemNumber, request.problemNumber()));
                incident.problemNumber = request.problemNumber();
            }
            if (request.causedByChange() != null) {
                changes.add(FieldChange.of("causedByChange", incident.causedByChange, request.causedByChange()));
                incident.causedByChange = request.causedByChange();
            }
            if (request.parentId() != null) {
                changes.add(FieldChange.of("parentId", incident.parentId, request.parentId()));
                incident.parentId = request.parentId();
            }
            List<String> changed = changes.stream().filter(FieldChange::changed).map(FieldChange::field).toList();
            if (changed.isEmpty()) {
                return Uni.createFrom().item(incident);
            }
            Instant now = clock.instant();
            incident.updatedAt = now;
            boolean termsChanged = incident.priority != priorityBefore
                    || !java.util.Objects.equals(offeringBefore, incident.offeringId)
                    || !java.util.Objects.equals(serviceBefore, incident.serviceId);
            boolean parentChanged = !java.util.Objects.equals(parentBefore, incident.parentId);
            Uni<Void> checks = (parentChanged ? requireNoParentCycle(incident) : Uni.createFrom().voidItem())
                    .flatMap(ignored -> validateReferences(incident))
                    .flatMap(ignored -> termsChanged
                            // the marks follow the new terms, up or down (SlaAlert.recompute)
                            ? slaPolicy.applyTerms(incident).flatMap(applied -> slaAlerts.recompute(incident, now))
                            : Uni.createFrom().voidItem());
            return checks
                    .flatMap(ignored -> history.record(incident.id, actor.name(), changes))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, changed))
                    .flatMap(ignored -> !wasMajor && incident.major
                            ? events.publish(EventTypes.INCIDENT_MAJOR_DECLARED, incident, List.of("major"))
                            : Uni.createFrom().voidItem())
                    .map(ignored -> incident);
        });
    }

    @WithTransaction
    public Uni<Incident> assign(UUID id, String ifMatch, Assign request, Actor actor) {
        return get(id, actor).flatMap(incident -> {
            ETags.requireCurrent(ifMatch, incident.version);
            if (!incident.state.isOpen()) {
                throw ApiProblem.conflict("Only open incidents can be assigned; " + incident.number + " is " + incident.state);
            }
            if (request.assignmentGroup() == null && request.assignee() == null) {
                throw ApiProblem.invalidField("assignee", "give an assignee, an assignment group or both");
            }
            List<FieldChange> changes = new ArrayList<>();
            if (request.assignmentGroup() != null) {
                changes.add(FieldChange.of("assignmentGroup", incident.assignmentGroup, request.assignmentGroup()));
                incident.assignmentGroup = request.assignmentGroup();
            }
            if (request.assignee() != null) {
                changes.add(FieldChange.of("assignee", incident.assignee, request.assignee()));
                incident.assignee = request.assignee();
            }
            incident.updatedAt = clock.instant();
            return history.record(incident.id, actor.name(), changes)
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_ASSIGNED, incident,
                            changes.stream().filter(FieldChange::changed).map(FieldChange::field).toList()))
                    .map(ignored -> incident);
        });
    }

    /** The moves allowed now that this actor may make ({@link IncidentAccess}), as next-states lists them. */
    public List<IncidentLifecycle.AllowedMove> allowedMoves(Incident incident, Actor actor) {
        return lifecycle.allowedMoves(incident.state, incident.resolvedAt, clock.instant()).stream()
                .filter(move -> IncidentAccess.mayMove(move.move(), actor.roles(), isCaller(incident, actor)))
                .toList();
    }

    private static boolean isCaller(Incident incident, Actor actor) {
        return actor.name().equals(incident.caller);
    }

    /** What a move does besides the state change; it may add to the history entries of the move. */
    @FunctionalInterface
    interface MoveEffect {
        Uni<Void> apply(Incident incident, Instant now, List<FieldChange> changes);
    }

    private static final MoveEffect NO_EFFECT = (incident, now, changes) -> Uni.createFrom().voidItem();

    @WithTransaction
    public Uni<Incident> start(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.START, actor, NO_EFFECT);
    }

    @WithTransaction
    public Uni<Incident> hold(UUID id, String ifMatch, Hold request, Actor actor) {
        return move(id, ifMatch, Move.HOLD, actor, (incident, now, changes) -> {
            if (request.holdReason() == HoldReason.AWAITING_CALLER) {
                if (request.comment() == null || request.comment().isBlank()) {
                    throw ApiProblem.invalidField("comment", "a comment to the caller is required when awaiting the caller");
                }
            }
            incident.holdReason = request.holdReason();
            Uni<Void> pause = request.holdReason() == HoldReason.AWAITING_CALLER
                    ? startPause(incident, request.holdReason(), now)
                    : Uni.createFrom().voidItem();
            return pause.flatMap(ignored -> request.comment() == null || request.comment().isBlank()
                    ? Uni.createFrom().voidItem()
                    : addComment(incident, actor.name(), request.comment(), false).replaceWithVoid());
        });
    }

    @WithTransaction
    public Uni<Incident> resume(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.RESUME, actor, (incident, now, changes) -> endPause(incident, now));
    }

    @WithTransaction
    public Uni<Incident> resolve(UUID id, String ifMatch, Resolve request, Actor actor) {
        return get(id, actor).flatMap(incident -> {
            requireMayMove(incident, Move.RESOLVE, actor);
            return resolve(incident, ifMatch, request.resolutionCode(), request.resolutionNotes(), actor);
        });
    }

    private Uni<Incident> resolve(Incident incident, String ifMatch, ResolutionCode code, String notes, Actor actor) {
        return applyMove(incident, ifMatch, Move.RESOLVE, actor, (resolved, now, changes) -> {
            changes.add(FieldChange.of("resolutionCode", resolved.resolutionCode, code.name()));
            changes.add(FieldChange.of("resolutionNotes", resolved.resolutionNotes, notes));
            resolved.resolutionCode = code.name();
            resolved.resolutionNotes = notes;
            resolved.resolvedAt = now;
            return endPause(resolved, now);
        }).flatMap(resolved -> incidents.findOpenChildren(resolved.id)
                // a parent's resolution resolves its open children with the same resolution
                .flatMap(children -> chain(children, child -> resolve(child, null, code,
                        "Resolved with parent " + resolved.number + ": " + notes, actor)))
                .map(ignored -> resolved));
    }

    /**
     * Reopens within the reopen period, with a reason. The SLA alert marks stay: the resolution clock runs on from
     * the incident's creation, and a breach stays a breach (SlaAlert).
     */
    @WithTransaction
    public Uni<Incident> reopen(UUID id, String ifMatch, String reason, Actor actor) {
        String given = requireReason(reason);
        return move(id, ifMatch, Move.REOPEN, actor, (incident, now, changes) -> {
            changes.add(FieldChange.of("resolutionCode", incident.resolutionCode, null));
            changes.add(FieldChange.of("resolutionNotes", incident.resolutionNotes, null));
            changes.add(FieldChange.of("reopenReason", null, given));
            incident.resolvedAt = null;
            incident.resolutionCode = null;
            incident.resolutionNotes = null;
            return addComment(incident, actor.name(), "Reopened: " + given, false).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Incident> close(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.CLOSE, actor, (incident, now, changes) -> {
            incident.closedAt = now;
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Incident> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        String given = requireReason(reason);
        return move(id, ifMatch, Move.CANCEL, actor, (incident, now, changes) -> {
            changes.add(FieldChange.of("cancelReason", null, given));
            incident.closedAt = now;
            return endPause(incident, now)
                    .flatMap(ignored -> addComment(incident, actor.name(), "Cancelled: " + given, true))
                    .replaceWithVoid();
        });
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "a reason is required");
        }
        return reason.strip();
    }

    private void requireMayMove(Incident incident, Move move, Actor actor) {
        if (!IncidentAccess.mayMove(move, actor.roles(), isCaller(incident, actor))) {
            throw ApiProblem.forbidden("Your roles do not allow you to " + move.action() + " incident "
                    + incident.number);
        }
    }

    private Uni<Incident> move(UUID id, String ifMatch, Move move, Actor actor, MoveEffect effect) {
        return get(id, actor).flatMap(incident -> {
            requireMayMove(incident, move, actor);
            return applyMove(incident, ifMatch, move, actor, effect);
        });
    }

    private Uni<Incident> applyMove(Incident incident, String ifMatch, Move move, Actor actor, MoveEffect effect) {
        ETags.requireCurrent(ifMatch, incident.version);
        IncidentState from = incident.state;
        Instant now = clock.instant();
        IncidentState target;
        try {
            target = lifecycle.apply(from, move, incident.resolvedAt, now);
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(move.action(), from.name(),
                    allowedMoves(incident, actor).stream().map(allowed -> allowed.move().action()).toList());
        }
        HoldReason reasonBefore = incident.holdReason;
        List<FieldChange> changes = new ArrayList<>();
        return effect.apply(incident, now, changes).flatMap(ignored -> {
            incident.state = target;
            if (target != IncidentState.ON_HOLD) {
                incident.holdReason = null;
            }
            if (incident.respondedAt == null && from == IncidentState.NEW) {
                incident.respondedAt = now;
            }
            incident.updatedAt = now;
            changes.add(0, FieldChange.of("state", from, target));
            changes.add(1, FieldChange.of("holdReason", reasonBefore, incident.holdReason));
            return history.record(incident.id, actor.name(), changes)
                    .flatMap(recorded -> events.publish(eventTypeOf(target, move), incident, List.of("state")))
                    // a clock stopped late is a breach at once, evented and counted once
                    .flatMap(published -> slaAlerts.check(incident, now))
                    .invoke(() -> {
                        slaPolicy.scheduleNextCheck(incident, now);
                        if (target == IncidentState.RESOLVED) {
                            measures.resolved(incident.priority);
                        }
                    })
                    .map(published -> incident);
        });
    }

    private static String eventTypeOf(IncidentState target, Move move) {
        if (move == Move.REOPEN) {
            return EventTypes.INCIDENT_REOPENED;
        }
        return switch (target) {
            case RESOLVED -> EventTypes.INCIDENT_RESOLVED;
            case CLOSED -> EventTypes.INCIDENT_CLOSED;
            default -> EventTypes.INCIDENT_STATE_CHANGED;
        };
    }

    private Uni<Void> startPause(Incident incident, HoldReason reason, Instant now) {
        SlaPause pause = new SlaPause();
        pause.incidentId = incident.id;
        pause.reason = reason;
        pause.startedAt = now;
        incident.slaPausedSince = now;
        return slaPauses.persist(pause).replaceWithVoid();
    }

    /** Ends the pause; each clock is credited only the part of it while that clock ran (SlaClock.pauseCounted). */
    private Uni<Void> endPause(Incident incident, Instant now) {
        if (incident.slaPausedSince == null) {
            return Uni.createFrom().voidItem();
        }
        incident.responsePausedSeconds += slaPolicy.responseClock(incident)
                .pauseCounted(incident.slaPausedSince, now).toSeconds();
        incident.slaPausedSeconds += slaPolicy.resolutionClock(incident)
                .pauseCounted(incident.slaPausedSince, now).toSeconds();
        incident.slaPausedSince = null;
        return slaPauses.end(incident.id, now).replaceWithVoid();
    }

    /** A public comment or an internal work note; the caller's reply to AWAITING_CALLER resumes the incident. */
    @WithTransaction
    public Uni<IncidentComment> comment(UUID id, String body, boolean internal, Actor actor) {
        return get(id, actor).flatMap(incident -> {
            if (!incident.state.isOpen() && incident.state != IncidentState.RESOLVED) {
                throw ApiProblem.conflict("Incident " + incident.number + " is " + incident.state + "; raise a new incident");
            }
            boolean callerReplies = !internal && actor.name().equals(incident.caller)
                    && incident.state == IncidentState.ON_HOLD && incident.holdReason == HoldReason.AWAITING_CALLER;
            Uni<IncidentComment> added = addComment(incident, actor.name(), body, internal)
                    .flatMap(comment -> {
                        incident.updatedAt = clock.instant();
                        return Uni.createFrom().item(comment);
                    });
            if (!callerReplies) {
                return added;
            }
            // the caller's reply resumes by rule (no access check: it is the effect of their comment)
            return added.flatMap(comment -> applyMove(incident, null, Move.RESUME, actor,
                    (resumed, now, changes) -> endPause(resumed, now)).map(ignored -> comment));
        });
    }

    @WithSession
    public Uni<List<IncidentComment>> comments(UUID id, boolean internal, Actor actor) {
        return get(id, actor).flatMap(incident -> comments.listFor(incident.id, internal));
    }

    /** Adds a public comment or a work note; the history records that one was added and its visibility. */
    Uni<IncidentComment> addComment(Incident incident, String author, String body, boolean internal) {
        IncidentComment comment = new IncidentComment();
        comment.id = UUID.randomUUID();
        comment.incidentId = incident.id;
        comment.author = author;
        comment.body = body;
        comment.internal = internal;
        comment.createdAt = clock.instant();
        return comments.persist(comment).flatMap(saved -> history.record(incident.id, author,
                List.of(FieldChange.of("comment", null, internal ? COMMENT_WORK_NOTE : COMMENT_PUBLIC)))
                .replaceWith(saved));
    }

    /** History value of an added public comment / work note. */
    public static final String COMMENT_PUBLIC = "PUBLIC";
    public static final String COMMENT_WORK_NOTE = "WORK_NOTE";

    /** The history entry that records a work note being added (internal: staff only). */
    static boolean isWorkNoteEntry(HistoryEntry entry) {
        return "comment".equals(entry.field()) && COMMENT_WORK_NOTE.equals(entry.to());
    }

    /** Resolves the open incident of a monitoring correlation key (the alert cleared). */
    @WithTransaction
    public Uni<Incident> resolveByCorrelation(String key, Resolve request, Actor actor) {
        return incidents.findOpenByCorrelationKey(key, actor.isStaff() ? null : actor.name()).flatMap(incident -> {
            if (incident == null) {
                throw ApiProblem.notFound("Open incident with correlation key", key);
            }
            requireMayMove(incident, Move.RESOLVE, actor);
            return resolve(incident, null, request.resolutionCode(), request.resolutionNotes(), actor);
        });
    }

    /** Resolved incidents close by themselves after the configured period. */
    @WithTransaction
    public Uni<Integer> closeExpiredResolutions(Actor system) {
        Instant before = clock.instant().minus(config.autoCloseAfter());
        return incidents.list("state = ?1 and resolvedAt < ?2", IncidentState.RESOLVED, before)
                .flatMap(expired -> chain(expired, incident -> applyMove(incident, null, Move.CLOSE, system,
                        (closed, now, changes) -> {
                            closed.closedAt = now;
                            return Uni.createFrom().voidItem();
                        })).map(ignored -> expired.size()));
    }

    /** Who the problem-management effects are recorded as. */
    static final String PROBLEM_SERVICE = "problem-service";

    /**
     * A published known error: its workaround goes onto the linked open incidents (with a work note, a history entry
     * and an updated event), and they point at the problem.
     */
    public Uni<Void> attachWorkaround(List<String> incidentNumbers, String problemNumber, String workaround) {
        return openLinked(incidentNumbers).flatMap(open -> chain(open,
                incident -> putWorkaround(incident, problemNumber, workaround)));
    }

    private Uni<Void> putWorkaround(Incident incident, String problemNumber, String workaround) {
        String before = incident.workaround;
        String problemBefore = incident.problemNumber;
        incident.workaround = workaround;
        incident.problemNumber = problemNumber;
        incident.updatedAt = clock.instant();
        List<FieldChange> changes = List.of(FieldChange.of("workaround", before, workaround),
                FieldChange.of("problemNumber", problemBefore, problemNumber));
        return addComment(incident, PROBLEM_SERVICE, "Known error " + problemNumber + " published. Workaround: "
                + workaround, true)
                .flatMap(ignored -> history.record(incident.id, PROBLEM_SERVICE, changes))
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident,
                        changes.stream().filter(FieldChange::changed).map(FieldChange::field).toList()));
    }

    /**
     * Incidents linked to a problem point at it; when the problem's known error is already published
     * ({@code knownErrorWorkaround} non-null), its workaround is attached as when the known error is published.
     */
    public Uni<Void> linkProblem(String problemNumber, List<String> incidentNumbers, String knownErrorWorkaround) {
        return openLinked(incidentNumbers).flatMap(open -> chain(open, incident -> {
            if (knownErrorWorkaround != null && !knownErrorWorkaround.equals(incident.workaround)) {
                return putWorkaround(incident, problemNumber, knownErrorWorkaround);
            }
            if (problemNumber.equals(incident.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            String before = incident.problemNumber;
            incident.problemNumber = problemNumber;
            incident.updatedAt = clock.instant();
            return history.record(incident.id, PROBLEM_SERVICE,
                    List.of(FieldChange.of("problemNumber", before, problemNumber)))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, List.of("problemNumber")));
        }));
    }

    /** The problem manager took these incidents off the problem: they no longer point at it. */
    public Uni<Void> unlinkProblem(String problemNumber, List<String> incidentNumbers) {
        return openLinked(incidentNumbers).flatMap(open -> chain(open, incident -> {
            if (!problemNumber.equals(incident.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            incident.problemNumber = null;
            incident.updatedAt = clock.instant();
            return history.record(incident.id, PROBLEM_SERVICE,
                    List.of(FieldChange.of("problemNumber", problemNumber, null)))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, List.of("problemNumber")));
        }));
    }

    /** A resolved problem is noted on its linked open incidents. */
    public Uni<Void> noteProblemResolved(String problemNumber, String resolutionCode, List<String> incidentNumbers) {
        return openLinked(incidentNumbers).flatMap(open -> chain(open, incident -> addComment(incident,
                PROBLEM_SERVICE, "Problem " + problemNumber + " resolved (" + resolutionCode
                        + "): the underlying cause is fixed", true)));
    }

    private Uni<List<Incident>> openLinked(List<String> numbers) {
        return numbers == null || numbers.isEmpty() ? Uni.createFrom().item(List.of())
                : incidents.findOpenByNumbers(numbers);
    }

    static <T> Uni<Void> chain(List<T> items, java.util.function.Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }

}
