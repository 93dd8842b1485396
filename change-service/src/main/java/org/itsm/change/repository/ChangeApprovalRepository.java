package org.itsm.change.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeApproval;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChangeApprovalRepository implements PanacheRepositoryBase<ChangeApproval, UUID> {

    public Uni<List<ChangeApproval>> ofRound(UUID changeId, int round) {
        return list("changeId = :change and round = :round order by castAt",
                Parameters.with("change", changeId).and("round", round));
    }

    public Uni<List<ChangeApproval>> ofChange(UUID changeId) {
        return list("changeId = ?1 order by round, castAt", changeId);
    }
}
