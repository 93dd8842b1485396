package org.itsm.incident.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.IncidentComment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IncidentCommentRepository implements PanacheRepositoryBase<IncidentComment, UUID> {

    public Uni<List<IncidentComment>> listFor(UUID incidentId, boolean internal) {
        return list("incidentId = ?1 and internal = ?2", Sort.by("createdAt"), incidentId, internal);
    }
}
