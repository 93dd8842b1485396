package org.itsm.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.PlannedChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlannedChangeRepository implements PanacheRepositoryBase<PlannedChange, UUID> {

    public Uni<List<PlannedChange>> ofService(UUID serviceId) {
        return list("serviceId = ?1 order by plannedStart nulls last, changeNumber", serviceId);
    }

    public Uni<List<PlannedChange>> ofChange(UUID changeId) {
        return list("changeId", changeId);
    }
}
