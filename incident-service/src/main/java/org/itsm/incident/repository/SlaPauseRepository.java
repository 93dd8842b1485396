package org.itsm.incident.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.SlaPause;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SlaPauseRepository implements PanacheRepositoryBase<SlaPause, Long> {

    public Uni<List<SlaPause>> ofIncident(UUID incidentId) {
        return list("incidentId", Sort.by("startedAt"), incidentId);
    }

    public Uni<Integer> end(UUID incidentId, Instant endedAt) {
        return update("endedAt = ?1 where incidentId = ?2 and endedAt is null", endedAt, incidentId);
    }
}
