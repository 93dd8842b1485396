package org.itsm.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.FulfilmentTask;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FulfilmentTaskRepository implements PanacheRepositoryBase<FulfilmentTask, UUID> {

    public Uni<List<FulfilmentTask>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt", requestId);
    }
}
