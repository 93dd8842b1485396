package org.itsm.problem.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.CatalogService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The local copy of the catalog's services (DESIGN §2: no synchronous calls between services). */
@ApplicationScoped
public class CatalogReadModelRepository {

    public Uni<CatalogService> service(UUID id) {
        return Panache.getSession().flatMap(session -> session.find(CatalogService.class, id));
    }

    public Uni<Void> save(CatalogService service) {
        return Panache.getSession().flatMap(session -> session.merge(service)).replaceWithVoid();
    }
}
