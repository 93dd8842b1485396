package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.incident.config.IncidentConfig;
import org.itsm.incident.domain.HoldReason;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentAccess;
import org.itsm.incident.domain.IncidentLifecycle;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.domain.Move;
import org.itsm.incident.domain.ResolutionCode;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.service.IncidentCommands.ResolveIncident;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The lifecycle moves (IncidentLifecycle) with their effects: start, resolve (open children follow their parent),
 * reopen, close, cancel, resolve by correlation key, auto-close. Each move is one transaction: state, history, the
 * event, the SLA marks of a clock stopped late. Holds and the caller's reply are in {@link HoldsAndComments}.
 */
@ApplicationScoped
public class IncidentMoves {

    /** What a move does besides the state change; it may record more history entries of the move. */
    @FunctionalInterface
    interface MoveEffect {
        Uni<Void> apply(Incident incident, Instant now, FieldEdits edits);
    }

    static final MoveEffect NO_EFFECT = (incident, now, edits) -> Uni.createFrom().voidItem();

    private final VisibleIncidents visible;
    private final IncidentRepository incidents;
    private final IncidentComments comments;
    private final SlaPauses pauses;
    private final RecordHistory history;
    private final IncidentEventPublisher events;
    private final SlaPolicy slaPolicy;
    private final SlaAlerts slaAlerts;
    private final IncidentMeasures measures;
    private final IncidentConfig config;
    private final IncidentLifecycle lifecycle;
    private final Clock clock;

    public IncidentMoves(VisibleIncidents visible, IncidentRepository incidents, IncidentComments comments,
            SlaPauses pauses, RecordHistory history, IncidentEventPublisher events, SlaPolicy slaPolicy,
            SlaAlerts slaAlerts, IncidentMeasures measures, IncidentConfig config, Clock clock) {
        this.visible = visible;
        this.incidents = incidents;
        this.comments = comments;
        this.pauses = pauses;
        this.history = history;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.slaAlerts = slaAlerts;
        this.measures = measures;
        this.config = config;
        this.lifecycle = new IncidentLifecycle(config.reopenPeriod());
        this.clock = clock;
    }

    /** The moves allowed now that this actor may make ({@link IncidentAccess}), as next-states lists them. */
    public List<IncidentLifecycle.AllowedMove> allowedMoves(Incident incident, Actor actor) {
        return lifecycle.allowedMoves(incident.state, incident.resolvedAt, clock.instant()).stream()
                .filter(move -> IncidentAccess.mayMove(move.move(), actor.roles(), actor.isCaller(incident.caller)))
                .toList();
    }

    @WithTransaction
    public Uni<Incident> start(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.START, actor, NO_EFFECT);
    }

    @WithTransaction
    public Uni<Incident> resolve(UUID id, String ifMatch, ResolveIncident command, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> {
            requireMayMove(incident, Move.RESOLVE, actor);
            return resolve(incident, ifMatch, command.resolutionCode(), command.resolutionNotes(), actor);
        });
    }

    /** Resolves the open incident of a monitoring correlation key (the alert cleared). */
    @WithTransaction
    public Uni<Incident> resolveByCorrelation(String key, ResolveIncident command, Actor actor) {
        return visible.openByCorrelationKey(key, actor).flatMap(incident -> {
            if (incident == null) {
                throw ApiProblem.notFound("Open incident with correlation key", key);
            }
            requireMayMove(incident, Move.RESOLVE, actor);
            return resolve(incident, null, command.resolutionCode(), command.resolutionNotes(), actor);
        });
    }

    private Uni<Incident> resolve(Incident incident, String ifMatch, ResolutionCode code, String notes, Actor actor) {
        return applyMove(incident, ifMatch, Move.RESOLVE, actor, (resolved, now, edits) -> {
            edits.set("resolutionCode", code.name(), resolved.resolutionCode, value -> resolved.resolutionCode = value);
            edits.set("resolutionNotes", notes, resolved.resolutionNotes, value -> resolved.resolutionNotes = value);
            resolved.resolvedAt = now;
            return pauses.end(resolved, now);
        }).flatMap(resolved -> incidents.findOpenChildren(resolved.id)
                // a parent's resolution resolves its open children with the same resolution
                .flatMap(children -> Unis.chain(children, child -> resolve(child, null, code,
                        "Resolved with parent " + resolved.number + ": " + notes, actor)))
                .map(ignored -> resolved));
    }

    /**
     * Reopens within the reopen period, with a reason. The SLA alert marks stay: the resolution clock runs on from
     * the incident's creation, and a breach stays a breach (SlaAlert).
     */
    @WithTransaction
    public Uni<Incident> reopen(UUID id, String ifMatch, String reason, Actor actor) {
        String given = IncidentLifecycle.requireReason(reason);
        return move(id, ifMatch, Move.REOPEN, actor, (incident, now, edits) -> {
            edits.record("resolutionCode", incident.resolutionCode, null);
            edits.record("resolutionNotes", incident.resolutionNotes, null);
            edits.record("reopenReason", null, given);
            incident.resolvedAt = null;
            incident.resolutionCode = null;
            incident.resolutionNotes = null;
            return comments.add(incident, actor.name(), "Reopened: " + given, false).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Incident> close(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.CLOSE, actor, IncidentMoves::closed);
    }

    @WithTransaction
    public Uni<Incident> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        String given = IncidentLifecycle.requireReason(reason);
        return move(id, ifMatch, Move.CANCEL, actor, (incident, now, edits) -> {
            edits.record("cancelReason", null, given);
            incident.closedAt = now;
            return pauses.end(incident, now)
                    .flatMap(ignored -> comments.add(incident, actor.name(), "Cancelled: " + given, true))
                    .replaceWithVoid();
        });
    }

    /** Resolved incidents close by themselves after the configured period. */
    @WithTransaction
    public Uni<Integer> closeExpiredResolutions(Actor system) {
        Instant before = clock.instant().minus(config.autoCloseAfter());
        return incidents.list("state = ?1 and resolvedAt < ?2", IncidentState.RESOLVED, before)
                .flatMap(expired -> Unis.chain(expired,
                        incident -> applyMove(incident, null, Move.CLOSE, system, IncidentMoves::closed))
                        .map(ignored -> expired.size()));
    }

    private static Uni<Void> closed(Incident incident, Instant now, FieldEdits edits) {
        incident.closedAt = now;
        return Uni.createFrom().voidItem();
    }

    /** A move by an actor: the incident as they may see it, their right to the move, then the move. */
    Uni<Incident> move(UUID id, String ifMatch, Move move, Actor actor, MoveEffect effect) {
        return visible.get(id, actor).flatMap(incident -> {
            requireMayMove(incident, move, actor);
            return applyMove(incident, ifMatch, move, actor, effect);
        });
    }

    private void requireMayMove(Incident incident, Move move, Actor actor) {
        if (!IncidentAccess.mayMove(move, actor.roles(), actor.isCaller(incident.caller))) {
            throw ApiProblem.forbidden("Your roles do not allow you to " + move.action() + " incident "
                    + incident.number);
        }
    }

    /**
     * The move itself, without an access check (a rule's own effect, e.g. the caller's reply resuming): refused as
     * an illegal move naming the moves this actor may make now.
     */
    Uni<Incident> applyMove(Incident incident, String ifMatch, Move move, Actor actor, MoveEffect effect) {
        ETags.requireCurrent(ifMatch, incident.version);
        IncidentState from = incident.state;
        Instant now = clock.instant();
        IncidentState target;
        try {
            target = lifecycle.apply(from, move, incident.resolvedAt, now);
        } catch (IllegalMoveException refused) {
            throw refused.allowing(allowedMoves(incident, actor).stream().map(allowed -> allowed.move().action())
                    .toList());
        }
        HoldReason reasonBefore = incident.holdReason;
        FieldEdits effects = new FieldEdits();
        return effect.apply(incident, now, effects).flatMap(ignored -> {
            incident.state = target;
            if (target != IncidentState.ON_HOLD) {
                incident.holdReason = null;
            }
            if (incident.respondedAt == null && from == IncidentState.NEW) {
                incident.respondedAt = now;
            }
            incident.updatedAt = now;
            FieldEdits moved = new FieldEdits();
            moved.record("state", from, target);
            moved.record("holdReason", reasonBefore, incident.holdReason);
            List<FieldChange> changes = new ArrayList<>(moved.changes());
            changes.addAll(effects.changes());
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
}
