package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Priority;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentLifecycle;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.service.IncidentCommands.AssignIncident;
import org.itsm.incident.service.IncidentCommands.EditIncident;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Editing an incident's fields (a partial update, If-Match honoured) and assigning it. A new priority, service or
 * offering re-applies the SLA terms and recomputes the alert marks; a new parent must not make a cycle; making it
 * major is a declaration (MajorIncidents).
 */
@ApplicationScoped
public class IncidentEditing {

    private final VisibleIncidents visible;
    private final IncidentReferences references;
    private final MajorIncidents majors;
    private final RecordHistory history;
    private final IncidentEventPublisher events;
    private final SlaPolicy slaPolicy;
    private final SlaAlerts slaAlerts;
    private final Clock clock;

    public IncidentEditing(VisibleIncidents visible, IncidentReferences references, MajorIncidents majors,
            RecordHistory history, IncidentEventPublisher events, SlaPolicy slaPolicy, SlaAlerts slaAlerts,
            Clock clock) {
        this.visible = visible;
        this.references = references;
        this.majors = majors;
        this.history = history;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.slaAlerts = slaAlerts;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Incident> update(UUID id, String ifMatch, EditIncident command, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> {
            ETags.requireCurrent(ifMatch, incident.version);
            IncidentLifecycle.requireChangeable(incident.number, incident.state);
            boolean wasMajor = incident.major;
            FieldEdits edits = new FieldEdits();
            edits.set("shortDescription", strip(command.shortDescription()), incident.shortDescription,
                    value -> incident.shortDescription = value);
            edits.set("description", command.description(), incident.description, value -> incident.description = value);
            edits.set("category", command.category(), incident.category, value -> incident.category = value);
            edits.set("subcategory", command.subcategory(), incident.subcategory, value -> incident.subcategory = value);
            edits.set("impact", command.impact(), incident.impact, value -> incident.impact = value);
            edits.set("urgency", command.urgency(), incident.urgency, value -> incident.urgency = value);
            Priority priorityBefore = incident.priority;
            incident.priority = Priority.of(incident.impact, incident.urgency);
            edits.record("priority", priorityBefore, incident.priority);
            edits.set("serviceId", command.serviceId(), incident.serviceId, value -> incident.serviceId = value);
            edits.set("offeringId", command.offeringId(), incident.offeringId, value -> incident.offeringId = value);
            majors.requireMayDeclare(actor, wasMajor, command.major());
            edits.set("major", command.major(), incident.major, value -> incident.major = value);
            edits.set("problemNumber", command.problemNumber(), incident.problemNumber,
                    value -> incident.problemNumber = value);
            edits.set("causedByChange", command.causedByChange(), incident.causedByChange,
                    value -> incident.causedByChange = value);
            edits.set("parentId", command.parentId(), incident.parentId, value -> incident.parentId = value);
            List<FieldChange> changes = edits.changes();
            if (changes.isEmpty()) {
                return Uni.createFrom().item(incident);
            }
            Instant now = clock.instant();
            incident.updatedAt = now;
            boolean termsChanged = changed(changes, "priority") || changed(changes, "offeringId")
                    || changed(changes, "serviceId");
            Uni<Void> checks = (changed(changes, "parentId") ? references.requireNoParentCycle(incident)
                    : Uni.createFrom().voidItem())
                    .flatMap(ignored -> references.validate(incident))
                    .flatMap(ignored -> termsChanged
                            // the marks follow the new terms, up or down (SlaAlert.recompute)
                            ? slaPolicy.applyTerms(incident).flatMap(applied -> slaAlerts.recompute(incident, now))
                            : Uni.createFrom().voidItem());
            return checks
                    .flatMap(ignored -> history.record(incident.id, actor.name(), changes))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, fields(changes)))
                    .flatMap(ignored -> majors.announceIfDeclared(incident, wasMajor))
                    .map(ignored -> incident);
        });
    }

    @WithTransaction
    public Uni<Incident> assign(UUID id, String ifMatch, AssignIncident command, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> {
            ETags.requireCurrent(ifMatch, incident.version);
            IncidentLifecycle.requireAssignable(incident.number, incident.state);
            if (command.assignmentGroup() == null && command.assignee() == null) {
                throw ApiProblem.invalidField("assignee", "give an assignee, an assignment group or both");
            }
            FieldEdits edits = new FieldEdits();
            edits.set("assignmentGroup", command.assignmentGroup(), incident.assignmentGroup,
                    value -> incident.assignmentGroup = value);
            edits.set("assignee", command.assignee(), incident.assignee, value -> incident.assignee = value);
            incident.updatedAt = clock.instant();
            List<FieldChange> changes = edits.changes();
            return history.record(incident.id, actor.name(), changes)
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_ASSIGNED, incident, fields(changes)))
                    .map(ignored -> incident);
        });
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean changed(List<FieldChange> changes, String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }

    private static List<String> fields(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::field).toList();
    }
}
