package org.itsm.incident.service;

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
import org.itsm.incident.domain.IncidentLifecycle;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.domain.Move;
import org.itsm.incident.domain.Priority;
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
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

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

    public IncidentService(IncidentRepository incidents, IncidentCommentRepository comments,
            SlaPauseRepository slaPauses, CatalogReadModelRepository catalog, NumberSequence numbers,
            RecordHistory history, IdempotencyKeys idempotencyKeys, IncidentEventPublisher events,
            SlaPolicy slaPolicy, IncidentMeasures measures, IncidentConfig config) {
        this.measures = measures;
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
        if (request.correlationKey() != null) {
            return incidents.findOpenByCorrelationKey(request.correlationKey()).flatMap(open -> open != null
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
        Instant now = Instant.now();
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
                .flatMap(saved -> history.record(saved.id, actor.name(),
                        List.of(FieldChange.of("state", null, saved.state), FieldChange.of("priority", null, saved.priority))))
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
        open.updatedAt = Instant.now();
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
            incident.updatedAt = Instant.now();
            boolean termsChanged = incident.priority != priorityBefore
                    || !java.util.Objects.equals(offeringBefore, incident.offeringId);
            Uni<Void> checks = validateReferences(incident)
                    .flatMap(ignored -> termsChanged ? slaPolicy.applyTerms(incident) : Uni.createFrom().voidItem());
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
            incident.updatedAt = Instant.now();
            return history.record(incident.id, actor.name(), changes)
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_ASSIGNED, incident,
                            changes.stream().filter(FieldChange::changed).map(FieldChange::field).toList()))
                    .map(ignored -> incident);
        });
    }

    public List<IncidentLifecycle.AllowedMove> allowedMoves(Incident incident) {
        return lifecycle.allowedMoves(incident.state, incident.resolvedAt, Instant.now());
    }

    @WithTransaction
    public Uni<Incident> start(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.START, actor, incident -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Incident> hold(UUID id, String ifMatch, Hold request, Actor actor) {
        return move(id, ifMatch, Move.HOLD, actor, incident -> {
            if (request.reason() == HoldReason.AWAITING_CALLER) {
                if (request.comment() == null || request.comment().isBlank()) {
                    throw ApiProblem.invalidField("comment", "a comment to the caller is required when awaiting the caller");
                }
            }
            incident.holdReason = request.reason();
            Uni<Void> pause = request.reason() == HoldReason.AWAITING_CALLER ? startPause(incident, request.reason())
                    : Uni.createFrom().voidItem();
            return pause.flatMap(ignored -> request.comment() == null || request.comment().isBlank()
                    ? Uni.createFrom().voidItem()
                    : addComment(incident, actor.name(), request.comment(), false).replaceWithVoid());
        });
    }

    @WithTransaction
    public Uni<Incident> resume(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.RESUME, actor, incident -> endPause(incident, Instant.now()));
    }

    @WithTransaction
    public Uni<Incident> resolve(UUID id, String ifMatch, Resolve request, Actor actor) {
        return get(id, actor).flatMap(incident -> resolve(incident, ifMatch, request.resolutionCode(),
                request.resolutionNotes(), actor));
    }

    private Uni<Incident> resolve(Incident incident, String ifMatch, String code, String notes, Actor actor) {
        return applyMove(incident, ifMatch, Move.RESOLVE, actor, resolved -> {
            Instant now = Instant.now();
            resolved.resolutionCode = code;
            resolved.resolutionNotes = notes;
            resolved.resolvedAt = now;
            return endPause(resolved, now);
        }).flatMap(resolved -> incidents.findOpenChildren(resolved.id)
                // a parent's resolution resolves its open children with the same resolution
                .flatMap(children -> chain(children, child -> resolve(child, null, code,
                        "Resolved with parent " + resolved.number + ": " + notes, actor)))
                .map(ignored -> resolved));
    }

    @WithTransaction
    public Uni<Incident> reopen(UUID id, String ifMatch, String reason, Actor actor) {
        return move(id, ifMatch, Move.REOPEN, actor, incident -> {
            incident.resolvedAt = null;
            incident.resolutionCode = null;
            incident.resolutionNotes = null;
            incident.resolutionSlaAlert = null;
            return reason == null || reason.isBlank() ? Uni.createFrom().voidItem()
                    : addComment(incident, actor.name(), "Reopened: " + reason, false).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Incident> close(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.CLOSE, actor, incident -> {
            incident.closedAt = Instant.now();
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Incident> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        return move(id, ifMatch, Move.CANCEL, actor, incident -> {
            incident.closedAt = Instant.now();
            return endPause(incident, incident.closedAt).flatMap(ignored -> reason == null || reason.isBlank()
                    ? Uni.createFrom().voidItem()
                    : addComment(incident, actor.name(), "Cancelled: " + reason, true).replaceWithVoid());
        });
    }

    private Uni<Incident> move(UUID id, String ifMatch, Move move, Actor actor,
            java.util.function.Function<Incident, Uni<Void>> effect) {
        return get(id, actor).flatMap(incident -> applyMove(incident, ifMatch, move, actor, effect));
    }

    private Uni<Incident> applyMove(Incident incident, String ifMatch, Move move, Actor actor,
            java.util.function.Function<Incident, Uni<Void>> effect) {
        ETags.requireCurrent(ifMatch, incident.version);
        IncidentState from = incident.state;
        IncidentState target;
        try {
            target = lifecycle.apply(from, move, incident.resolvedAt, Instant.now());
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(move.action(), from.name(), e.allowedMoves());
        }
        HoldReason reasonBefore = incident.holdReason;
        return effect.apply(incident).flatMap(ignored -> {
            Instant now = Instant.now();
            incident.state = target;
            if (target != IncidentState.ON_HOLD) {
                incident.holdReason = null;
            }
            if (incident.respondedAt == null && from == IncidentState.NEW) {
                incident.respondedAt = now;
            }
            slaPolicy.scheduleNextCheck(incident, now);
            incident.updatedAt = now;
            List<FieldChange> changes = List.of(FieldChange.of("state", from, target),
                    FieldChange.of("holdReason", reasonBefore, incident.holdReason));
            return history.record(incident.id, actor.name(), changes)
                    .flatMap(recorded -> events.publish(eventTypeOf(target, move), incident, List.of("state")))
                    .invoke(() -> {
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

    private Uni<Void> startPause(Incident incident, HoldReason reason) {
        SlaPause pause = new SlaPause();
        pause.incidentId = incident.id;
        pause.reason = reason;
        pause.startedAt = Instant.now();
        incident.slaPausedSince = pause.startedAt;
        return slaPauses.persist(pause).replaceWithVoid();
    }

    private Uni<Void> endPause(Incident incident, Instant now) {
        if (incident.slaPausedSince == null) {
            return Uni.createFrom().voidItem();
        }
        incident.slaPausedSeconds += slaPolicy.calendar(incident).between(incident.slaPausedSince, now).toSeconds();
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
                        incident.updatedAt = Instant.now();
                        return Uni.createFrom().item(comment);
                    });
            if (!callerReplies) {
                return added;
            }
            return added.flatMap(comment -> applyMove(incident, null, Move.RESUME, actor, resumed -> endPause(resumed, Instant.now()))
                    .map(ignored -> comment));
        });
    }

    @WithSession
    public Uni<List<IncidentComment>> comments(UUID id, boolean internal, Actor actor) {
        return get(id, actor).flatMap(incident -> comments.listFor(incident.id, internal));
    }

    Uni<IncidentComment> addComment(Incident incident, String author, String body, boolean internal) {
        IncidentComment comment = new IncidentComment();
        comment.id = UUID.randomUUID();
        comment.incidentId = incident.id;
        comment.author = author;
        comment.body = body;
        comment.internal = internal;
        comment.createdAt = Instant.now();
        return comments.persist(comment);
    }

    /** Resolves the open incident of a monitoring correlation key (the alert cleared). */
    @WithTransaction
    public Uni<Incident> resolveByCorrelation(String key, Resolve request, Actor actor) {
        return incidents.findOpenByCorrelationKey(key).flatMap(incident -> {
            if (incident == null) {
                throw ApiProblem.notFound("Open incident with correlation key", key);
            }
            return resolve(incident, null, request.resolutionCode(), request.resolutionNotes(), actor);
        });
    }

    /** Resolved incidents close by themselves after the configured period. */
    @WithTransaction
    public Uni<Integer> closeExpiredResolutions(Actor system) {
        Instant before = Instant.now().minus(config.autoCloseAfter());
        return incidents.list("state = ?1 and resolvedAt < ?2", IncidentState.RESOLVED, before)
                .flatMap(expired -> chain(expired, incident -> applyMove(incident, null, Move.CLOSE, system, closed -> {
                    closed.closedAt = Instant.now();
                    return Uni.createFrom().voidItem();
                })).map(ignored -> expired.size()));
    }

    static <T> Uni<Void> chain(List<T> items, java.util.function.Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }

}
