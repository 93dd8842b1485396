package org.itsm.catalog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.support.rest.ApiProblem;

import io.smallrye.mutiny.Uni;

/** Finds a service or one of its offerings in the caller's session; 404 when there is none. */
@ApplicationScoped
public class PortfolioRecords {

    private final ItServiceRepository services;
    private final OfferingRepository offerings;

    public PortfolioRecords(ItServiceRepository services, OfferingRepository offerings) {
        this.services = services;
        this.offerings = offerings;
    }

    Uni<ItService> service(UUID id) {
        return services.findById(id).invoke(service -> {
            if (service == null) {
                throw ApiProblem.notFound("Service", id);
            }
        });
    }

    /** The offering, when it is one of the service's. */
    Uni<ServiceOffering> offering(UUID serviceId, UUID offeringId) {
        return offerings.findById(offeringId).invoke(offering -> {
            if (offering == null || !offering.serviceId.equals(serviceId)) {
                throw ApiProblem.notFound("Offering", offeringId);
            }
        });
    }
}
