package org.itsm.problem.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.KnownError;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class KnownErrorRepository implements PanacheRepositoryBase<KnownError, UUID> {

    public Uni<KnownError> findByProblem(UUID problemId) {
        return find("problemId", problemId).firstResult();
    }
}
