package org.itsm.incident.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.incident.domain.CatalogOffering;
import org.itsm.incident.domain.CatalogService;
import org.itsm.incident.repository.CatalogReadModelRepository;
import org.itsm.support.reactive.Unis;

import io.smallrye.mutiny.Uni;

/**
 * The local copy of what incident management needs from other practices (architecture §2: no synchronous calls):
 * the catalog's services and offerings (valid services, SLA targets, business hours, support groups, the service's
 * default offering) and the changes implemented per service (possible causes of new incidents).
 */
@ApplicationScoped
public class CatalogReplica {

    private final CatalogReadModelRepository catalog;
    private final Clock clock;

    public CatalogReplica(CatalogReadModelRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A catalog service as it now is (created, updated or retired). */
    public Uni<Void> serviceChanged(CatalogServiceEvent event) {
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.supportGroup = event.supportGroup();
        service.updatedAt = clock.instant();
        return catalog.save(service);
    }

    /** An offering as it now is; marking it the service's default unmarks the service's others. */
    public Uni<Void> offeringChanged(CatalogOfferingEvent event) {
        CatalogOffering offering = new CatalogOffering();
        offering.id = event.id();
        offering.serviceId = event.serviceId();
        offering.name = event.name();
        offering.status = event.status();
        offering.supportGroup = event.supportGroup();
        offering.slaTargets = event.slaTargets();
        offering.businessHours = event.businessHours();
        offering.defaultOffering = Boolean.TRUE.equals(event.defaultOffering());
        offering.updatedAt = clock.instant();
        return catalog.save(offering);
    }

    /** A change implemented on these services ({@code implementedAt} null: now), once per change and service. */
    public Uni<Void> changeImplemented(String changeNumber, List<UUID> serviceIds, Instant implementedAt) {
        Instant at = implementedAt != null ? implementedAt : clock.instant();
        return Unis.chain(serviceIds == null ? List.of() : serviceIds,
                serviceId -> catalog.recordImplementedChange(changeNumber, serviceId, at));
    }
}
