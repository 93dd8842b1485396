package org.itsm.problem.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProblemRepository implements PanacheRepositoryBase<Problem, UUID> {

    public Uni<Problem> findByNumber(String number) {
        return find("number", number).firstResult();
    }

    /**
     * The open problem that covers incidents of a service and category: the detected candidate first, then the
     * oldest one raised by hand.
     */
    public Uni<Problem> findOpenCovering(UUID serviceId, String category) {
        return find("serviceId = :service and category = :category and state in :open "
                + "order by case when source = 'DETECTED' then 0 else 1 end, createdAt",
                Parameters.with("service", serviceId).and("category", category).and("open", ProblemState.OPEN))
                .firstResult();
    }

    /** The open detected candidate of the service and category other than {@code except}, or null. */
    public Uni<Problem> findOpenCandidate(UUID serviceId, String category, UUID except) {
        return find("serviceId = :service and category = :category and source = :detected and state in :open "
                + "and id <> :except", Parameters.with("service", serviceId).and("category", category)
                        .and("detected", ProblemSource.DETECTED).and("open", ProblemState.OPEN).and("except", except))
                .firstResult();
    }

    public Uni<List<Problem>> findOpenByFixChange(String changeNumber) {
        return list("fixChangeNumber = :change and state in :open",
                Parameters.with("change", changeNumber).and("open", ProblemState.OPEN));
    }
}
