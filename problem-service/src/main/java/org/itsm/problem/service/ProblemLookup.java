package org.itsm.problem.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.Problem;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Finding a problem by id: 404 when there is none. */
@ApplicationScoped
public class ProblemLookup {

    private final ProblemRepository problems;

    public ProblemLookup(ProblemRepository problems) {
        this.problems = problems;
    }

    @WithSession
    public Uni<Problem> get(UUID id) {
        return problems.findById(id).invoke(problem -> {
            if (problem == null) {
                throw ApiProblem.notFound("Problem", id);
            }
        });
    }
}
