package org.itsm.catalog.repository;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.AppliedChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppliedChangeRepository implements PanacheRepositoryBase<AppliedChange, AppliedChange.Key> {

    /** The services the change's catalog update was already applied to. */
    public Uni<Set<UUID>> servicesUpdatedBy(UUID changeId) {
        return list("changeId", changeId).map((List<AppliedChange> applied) -> applied.stream()
                .map(change -> change.serviceId).collect(Collectors.toSet()));
    }
}
