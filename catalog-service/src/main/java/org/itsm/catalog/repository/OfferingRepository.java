package org.itsm.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ServiceOffering;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfferingRepository implements PanacheRepositoryBase<ServiceOffering, UUID> {

    public Uni<List<ServiceOffering>> ofService(UUID serviceId) {
        return list("serviceId = ?1 order by createdAt", serviceId);
    }

    public Uni<List<ServiceOffering>> ofServices(Collection<UUID> serviceIds) {
        return serviceIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("serviceId in :ids", Parameters.with("ids", serviceIds));
    }

    public Uni<List<ServiceOffering>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : list("id in :ids", Parameters.with("ids", ids));
    }
}
