package org.itsm.incident.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.OfferingStatus;
import org.itsm.incident.domain.CatalogOffering;
import org.itsm.incident.domain.CatalogService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The local copy of the catalog this service needs (architecture §2: no synchronous calls between services). */
@ApplicationScoped
public class CatalogReadModelRepository {

    public Uni<CatalogService> service(UUID id) {
        return Panache.getSession().flatMap(session -> session.find(CatalogService.class, id));
    }

    public Uni<CatalogOffering> offering(UUID id) {
        return Panache.getSession().flatMap(session -> session.find(CatalogOffering.class, id));
    }

    public Uni<Void> save(CatalogService service) {
        return Panache.getSession().flatMap(session -> session.merge(service)).replaceWithVoid();
    }

    /** The active offering the catalog marks as the service's default, or null. */
    public Uni<CatalogOffering> defaultOffering(UUID serviceId) {
        return Panache.getSession().flatMap(session -> session.createQuery("""
                from CatalogOffering where serviceId = :service and defaultOffering = true and status <> :retired
                order by updatedAt desc""", CatalogOffering.class)
                .setParameter("service", serviceId).setParameter("retired", OfferingStatus.RETIRED.name()).setMaxResults(1).getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Saves the offering; a service has one default offering, so marking this one unmarks the others. */
    public Uni<Void> save(CatalogOffering offering) {
        Uni<Void> saved = Panache.getSession().flatMap(session -> session.merge(offering)).replaceWithVoid();
        if (!offering.defaultOffering) {
            return saved;
        }
        return saved.flatMap(ignored -> Panache.getSession().flatMap(session -> session.createMutationQuery("""
                update CatalogOffering set defaultOffering = false
                where serviceId = :service and id <> :id and defaultOffering = true""")
                .setParameter("service", offering.serviceId).setParameter("id", offering.id).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> recordImplementedChange(String changeNumber, UUID serviceId, Instant implementedAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into implemented_change (change_number, service_id, implemented_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, changeNumber).setParameter(2, serviceId).setParameter(3, implementedAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** The most recent change implemented on the service since {@code since}, or null. */
    public Uni<String> changeImplementedSince(UUID serviceId, Instant since) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select change_number from implemented_change where service_id = ?1 and implemented_at >= ?2
                order by implemented_at desc limit 1""", String.class)
                .setParameter(1, serviceId).setParameter(2, since)
                .getResultList())
                .map(numbers -> numbers.isEmpty() ? null : numbers.get(0));
    }
}
