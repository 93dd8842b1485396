package org.itsm.change.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.CatalogOffering;
import org.itsm.change.domain.CatalogService;
import org.itsm.change.repository.CatalogReadModelRepository;
import org.itsm.events.catalog.CatalogOfferingEvent;
import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.events.catalog.TimeWindow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The local copy of the catalog this service needs (valid services, the service map, maintenance and blackout
 * windows), kept from the catalog's events: the latest state of each service and offering replaces the stored one.
 */
@ApplicationScoped
public class CatalogReplica {

    private final CatalogReadModelRepository catalog;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public CatalogReplica(CatalogReadModelRepository catalog, ObjectMapper objectMapper, Clock clock) {
        this.catalog = catalog;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public Uni<Void> serviceChanged(CatalogServiceEvent event) {
        CatalogService service = new CatalogService();
        service.id = event.id();
        service.number = event.number();
        service.name = event.name();
        service.lifecycle = event.lifecycle();
        service.dependsOn = event.dependsOn() == null ? List.of() : event.dependsOn();
        service.updatedAt = clock.instant();
        return catalog.save(service);
    }

    public Uni<Void> offeringChanged(CatalogOfferingEvent event) {
        CatalogOffering offering = new CatalogOffering();
        offering.id = event.id();
        offering.serviceId = event.serviceId();
        offering.name = event.name();
        offering.status = event.status();
        offering.maintenanceWindows = json(event.maintenanceWindows());
        offering.blackoutWindows = json(event.blackoutWindows());
        offering.updatedAt = clock.instant();
        return catalog.save(offering);
    }

    private String json(List<TimeWindow> windows) {
        try {
            return objectMapper.writeValueAsString(windows == null ? List.of() : windows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
