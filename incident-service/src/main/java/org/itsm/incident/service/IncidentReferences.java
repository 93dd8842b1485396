package org.itsm.incident.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.incident.config.IncidentConfig;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentHierarchy;
import org.itsm.incident.repository.CatalogReadModelRepository;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.smallrye.mutiny.Uni;

/**
 * What an incident points at: a live catalog service and an active offering of it (read model; their support group
 * is the default assignment group), an open parent that does not make a cycle (IncidentHierarchy), and a change
 * recently implemented on its service (flagged as a possible cause).
 */
@ApplicationScoped
public class IncidentReferences {

    private final IncidentRepository incidents;
    private final CatalogReadModelRepository catalog;
    private final IncidentConfig config;

    public IncidentReferences(IncidentRepository incidents, CatalogReadModelRepository catalog,
            IncidentConfig config) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.config = config;
    }

    /**
     * Checks the service, offering and parent the incident names; fills in the service from the offering and the
     * assignment group from the service or the offering when none is given.
     */
    public Uni<Void> validate(Incident incident) {
        // deferred: the offering check may fill in the service first
        Uni<Void> service = Uni.createFrom().deferred(() -> incident.serviceId == null ? Uni.createFrom().voidItem()
                : catalog.service(incident.serviceId).invoke(found -> {
                    if (found == null || Lifecycle.RETIRED.name().equals(found.lifecycle)) {
                        throw ApiProblem.invalidField("serviceId", "no live catalog service " + incident.serviceId);
                    }
                    if (incident.assignmentGroup == null) {
                        incident.assignmentGroup = found.supportGroup;
                    }
                }).replaceWithVoid());
        Uni<Void> offering = incident.offeringId == null ? Uni.createFrom().voidItem()
                : catalog.offering(incident.offeringId).invoke(found -> {
                    if (found == null || OfferingStatus.RETIRED.name().equals(found.status)) {
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

    /** Refuses a parent that would make the incident its own ancestor (IncidentHierarchy): 422. */
    public Uni<Void> requireNoParentCycle(Incident incident) {
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

    /** A change implemented on the incident's service within the change-caused window is its possible cause. */
    public Uni<Void> flagPossibleCause(Incident incident) {
        if (incident.serviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.changeImplementedSince(incident.serviceId, incident.createdAt.minus(config.changeCausedWindow()))
                .invoke(change -> incident.possibleCauseChange = change)
                .replaceWithVoid();
    }
}
