package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Priority;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.service.IncidentCommands.LogIncident;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Logging an incident: numbered, prioritised (impact × urgency), checked against the catalog and its parent, with its
 * SLA terms and a possible causing change; or, for a correlation key with an open incident the reporter can see, a
 * repeated report counted on that one instead of a duplicate. A retried {@code Idempotency-Key} returns the first
 * result.
 */
@ApplicationScoped
public class IncidentRegistration {

    static final String NUMBER_PREFIX = "INC";

    /** Result of a create: the incident and whether it is new (201) or an existing one (200). */
    public record Created(Incident incident, boolean isNew) {
    }

    private final VisibleIncidents visible;
    private final IncidentRepository incidents;
    private final IncidentReferences references;
    private final MajorIncidents majors;
    private final IncidentComments comments;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final IncidentEventPublisher events;
    private final SlaPolicy slaPolicy;
    private final IncidentMeasures measures;
    private final Clock clock;

    public IncidentRegistration(VisibleIncidents visible, IncidentRepository incidents, IncidentReferences references,
            MajorIncidents majors, IncidentComments comments, NumberSequence numbers, RecordHistory history,
            IdempotencyKeys idempotencyKeys, IncidentEventPublisher events, SlaPolicy slaPolicy,
            IncidentMeasures measures, Clock clock) {
        this.visible = visible;
        this.incidents = incidents;
        this.references = references;
        this.majors = majors;
        this.comments = comments;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.measures = measures;
        this.clock = clock;
    }

    /** A retry with the same {@code idempotencyKey} must repeat the command (another one is refused). */
    @WithTransaction
    public Uni<Created> create(LogIncident command, Actor actor, String idempotencyKey) {
        majors.requireMayDeclare(actor, false, command.major());
        if (command.correlationKey() != null) {
            // a correlation only ever matches incidents the caller can see: a requester's only their own
            return visible.openByCorrelationKey(command.correlationKey(), actor)
                    .flatMap(open -> open != null
                            ? addRepeatedReport(open, actor).map(incident -> new Created(incident, false))
                            : createNew(command, actor, idempotencyKey));
        }
        return createNew(command, actor, idempotencyKey);
    }

    private Uni<Created> createNew(LogIncident command, Actor actor, String idempotencyKey) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, command, () -> insert(command, actor))
                .flatMap(outcome -> incidents.findById(outcome.id())
                        .map(incident -> new Created(incident, !outcome.replayed())));
    }

    private Uni<UUID> insert(LogIncident command, Actor actor) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.shortDescription = command.shortDescription().strip();
        incident.description = command.description();
        incident.caller = command.caller() != null && actor.isStaff() ? command.caller() : actor.name();
        incident.category = command.category();
        incident.subcategory = command.subcategory();
        incident.serviceId = command.serviceId();
        incident.offeringId = command.offeringId();
        incident.impact = command.impact();
        incident.urgency = command.urgency();
        incident.priority = Priority.of(incident.impact, incident.urgency);
        incident.assignmentGroup = command.assignmentGroup();
        incident.correlationKey = command.correlationKey();
        incident.parentId = command.parentId();
        incident.major = command.major();
        incident.reportCount = 1;
        incident.state = IncidentState.NEW;
        incident.createdAt = now;
        incident.updatedAt = now;
        return references.validate(incident)
                .flatMap(ignored -> slaPolicy.applyTerms(incident))
                .flatMap(ignored -> references.flagPossibleCause(incident))
                .flatMap(ignored -> numbers.next(NUMBER_PREFIX))
                .flatMap(number -> {
                    incident.number = number;
                    return incidents.persist(incident);
                })
                .flatMap(saved -> history.record(saved.id, actor.name(), logged(saved).changes()))
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_CREATED, incident, List.of()))
                .invoke(() -> measures.created(incident.priority))
                .flatMap(ignored -> majors.announceIfDeclared(incident, false))
                .map(ignored -> incident.id);
    }

    private static FieldEdits logged(Incident incident) {
        FieldEdits edits = new FieldEdits();
        edits.record("state", null, incident.state);
        edits.record("priority", null, incident.priority);
        if (incident.major) {
            edits.record("major", null, true);
        }
        return edits;
    }

    /** A repeated monitoring alert: counted and noted on the open incident instead of a duplicate. */
    private Uni<Incident> addRepeatedReport(Incident open, Actor actor) {
        int before = open.reportCount;
        open.reportCount++;
        open.updatedAt = clock.instant();
        FieldEdits edits = new FieldEdits();
        edits.record("reportCount", before, open.reportCount);
        return comments.add(open, "system", "Repeated report #" + open.reportCount + " from " + actor.name(), true)
                .flatMap(ignored -> history.record(open.id, actor.name(), edits.changes()))
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, open, List.of("reportCount")))
                .map(ignored -> open);
    }
}
