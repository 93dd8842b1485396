package org.itsm.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ItService;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItServiceRepository implements PanacheRepositoryBase<ItService, UUID> {

    public Uni<List<ItService>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : list("id in :ids order by number", Parameters.with("ids", ids));
    }

    /** The whole service map: each service and what it depends on. */
    public Uni<Map<UUID, List<UUID>>> dependencyMap() {
        return listAll().map(services -> services.stream()
                .collect(Collectors.toMap(service -> service.id, service -> service.dependsOn)));
    }
}
