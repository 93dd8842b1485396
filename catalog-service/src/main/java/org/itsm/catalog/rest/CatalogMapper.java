package org.itsm.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.ServiceLifecycle;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.rest.CatalogApi.ImpactView;
import org.itsm.catalog.rest.CatalogApi.OfferingView;
import org.itsm.catalog.rest.CatalogApi.PlannedChangeView;
import org.itsm.catalog.rest.CatalogApi.RejectedUpdateView;
import org.itsm.catalog.rest.CatalogApi.ServiceView;
import org.itsm.catalog.service.CatalogQueries.Impact;
import org.itsm.catalog.service.CatalogQueries.ServiceDetail;

/** Maps stored services and offerings to API models. */
@ApplicationScoped
public class CatalogMapper {

    /** The service as {@code who} sees it: the actions offered are those they may take now. */
    public ServiceView toView(ServiceDetail detail, RequestAccess.Who who) {
        var service = detail.service();
        return new ServiceView(service.id, service.number, service.name, service.description, service.type,
                service.owner, service.supportGroup, service.lifecycle, service.criticality, service.serviceVersion,
                service.dependsOn,
                detail.plannedChanges().stream().map(mark -> new PlannedChangeView(mark.changeId, mark.changeNumber,
                        mark.offeringId, mark.plannedStart, mark.plannedEnd, mark.summary)).toList(),
                detail.rejectedChangeUpdates().stream().map(rejection -> new RejectedUpdateView(rejection.changeId,
                        rejection.changeNumber, rejection.reason, rejection.rejectedAt)).toList(),
                ServiceLifecycle.allowedActions(service.lifecycle, who), service.createdAt, service.updatedAt);
    }

    /** A list entry: planned changes and rejected updates are only loaded for the single-service view. */
    public ServiceView toListView(ItService service, RequestAccess.Who who) {
        return new ServiceView(service.id, service.number, service.name, service.description, service.type,
                service.owner, service.supportGroup, service.lifecycle, service.criticality, service.serviceVersion,
                service.dependsOn, null, null, ServiceLifecycle.allowedActions(service.lifecycle, who), service.createdAt,
                service.updatedAt);
    }

    public OfferingView toView(ServiceOffering offering) {
        return new OfferingView(offering.id, offering.serviceId, offering.name, offering.status, offering.supportGroup,
                offering.slaTargets, offering.businessHours, offering.maintenanceWindows, offering.blackoutWindows,
                offering.defaultOffering, offering.createdAt, offering.updatedAt);
    }

    public ImpactView toView(Impact impact) {
        return new ImpactView(impact.service().id, impact.service().number, impact.service().name,
                impact.service().lifecycle, impact.service().criticality, impact.distance(), impact.via());
    }
}
