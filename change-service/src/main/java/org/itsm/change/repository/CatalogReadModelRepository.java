package org.itsm.change.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.CatalogOffering;
import org.itsm.change.domain.CatalogService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The local copy of the catalog this service needs (DESIGN §2: no synchronous calls between services). */
@ApplicationScoped
public class CatalogReadModelRepository {

    public Uni<List<CatalogService>> services() {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("from CatalogService", CatalogService.class).getResultList());
    }

    public Uni<List<CatalogOffering>> offerings() {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("from CatalogOffering", CatalogOffering.class).getResultList());
    }

    public Uni<Void> save(CatalogService service) {
        return Panache.getSession().flatMap(session -> session.merge(service)).replaceWithVoid();
    }

    public Uni<Void> save(CatalogOffering offering) {
        return Panache.getSession().flatMap(session -> session.merge(offering)).replaceWithVoid();
    }

    public Uni<CatalogService> service(UUID id) {
        return Panache.getSession().flatMap(session -> session.find(CatalogService.class, id));
    }

    public Uni<CatalogOffering> offering(UUID id) {
        return Panache.getSession().flatMap(session -> session.find(CatalogOffering.class, id));
    }
}
