package org.itsm.incident.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The incidents an actor may see (IncidentAccess#readsEveryIncident): staff every one, a requester only those they
 * are the caller of. Every use case reads its incident through here, so no one learns of another caller's incident.
 */
@ApplicationScoped
public class VisibleIncidents {

    private final IncidentRepository incidents;

    public VisibleIncidents(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @WithSession
    public Uni<Incident> get(UUID id, Actor actor) {
        return incidents.findById(id).invoke(incident -> {
            if (incident == null || !actor.isStaff() && !actor.isCaller(incident.caller)) {
                // a requester cannot tell another caller's incident from a missing one
                throw ApiProblem.notFound("Incident", id);
            }
        });
    }

    /** The open incident of a correlation key among those the actor may see, or null. */
    public Uni<Incident> openByCorrelationKey(String key, Actor actor) {
        return incidents.findOpenByCorrelationKey(key, actor.isStaff() ? null : actor.name());
    }
}
