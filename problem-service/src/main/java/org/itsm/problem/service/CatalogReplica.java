package org.itsm.problem.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.problem.domain.CatalogService;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.repository.CatalogReadModelRepository;
import org.itsm.support.rest.ApiProblem;

import io.smallrye.mutiny.Uni;

/**
 * The local copy of the catalog's services, kept from the catalog's events (the latest state of each service
 * replaces the stored one), and what problems ask of it: whether a service may be named, and its support group.
 */
@ApplicationScoped
public class CatalogReplica {

    private final CatalogReadModelRepository catalog;
    private final Clock clock;

    public CatalogReplica(CatalogReadModelRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A catalog service was created, changed or retired. Runs in the consumer's transaction. */
    public Uni<Void> serviceChanged(CatalogServiceEvent event) {
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number() == null ? "" : event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.supportGroup = event.supportGroup();
        service.updatedAt = clock.instant();
        return catalog.save(service);
    }

    /** Refuses (400 on {@code serviceId}) a service the catalog does not know or has retired. */
    Uni<Void> requireAdmitted(UUID serviceId) {
        if (serviceId == null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.service(serviceId).invoke(found -> {
            if (!CatalogService.admits(found)) {
                throw ApiProblem.invalidField("serviceId", "no live catalog service " + serviceId);
            }
        }).replaceWithVoid();
    }

    /** A problem on a service without an assignment group goes to the service's support group. */
    Uni<Void> defaultAssignmentGroup(Problem problem) {
        if (problem.serviceId == null || problem.assignmentGroup != null) {
            return Uni.createFrom().voidItem();
        }
        return catalog.service(problem.serviceId).invoke(found -> {
            if (found != null) {
                problem.assignmentGroup = found.supportGroup;
            }
        }).replaceWithVoid();
    }
}
