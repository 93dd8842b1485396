package org.itsm.incident.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentAccess;
import org.itsm.incident.messaging.IncidentEventPublisher;

import io.smallrye.mutiny.Uni;

/**
 * Declaring a major incident, at logging or by an edit: only those who work incidents may (IncidentAccess, 403
 * otherwise), and the declaration is announced once with the major-declared event.
 */
@ApplicationScoped
public class MajorIncidents {

    private final IncidentEventPublisher events;

    public MajorIncidents(IncidentEventPublisher events) {
        this.events = events;
    }

    /** Refuses a request that would make a non-major incident major from roles that may not declare one. */
    public void requireMayDeclare(Actor actor, boolean wasMajor, Boolean requested) {
        IncidentAccess.requireMayDeclareMajor(actor.roles(), wasMajor, requested);
    }

    /** Announces the declaration when the incident became major. */
    public Uni<Void> announceIfDeclared(Incident incident, boolean wasMajor) {
        return !wasMajor && incident.major
                ? events.publish(EventTypes.INCIDENT_MAJOR_DECLARED, incident, List.of("major"))
                : Uni.createFrom().voidItem();
    }
}
