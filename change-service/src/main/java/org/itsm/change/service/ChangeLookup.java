package org.itsm.change.service;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeAccess;
import org.itsm.change.domain.ChangeMove;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.Decision;
import org.itsm.change.repository.ChangeApprovalRepository;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Finding a change as the actor may see it, and the facts the access rules ({@link ChangeAccess}) look at. */
@ApplicationScoped
public class ChangeLookup {

    private final ChangeRepository changes;
    private final ChangeApprovalRepository approvals;

    public ChangeLookup(ChangeRepository changes, ChangeApprovalRepository approvals) {
        this.changes = changes;
        this.approvals = approvals;
    }

    /** A requester sees only their own changes; everyone else sees all. Others' changes look missing. */
    @WithSession
    public Uni<ChangeRequest> get(UUID id, Actor actor) {
        return changes.findById(id).invoke(change -> {
            if (change == null || !actor.isStaff() && !actor.name().equals(change.requester)) {
                throw ApiProblem.notFound("Change", id);
            }
        });
    }

    /** Everyone who approved the change, in any round. */
    public Uni<Set<String>> approvers(ChangeRequest change) {
        return approvals.ofChange(change.id).map(votes -> votes.stream()
                .filter(vote -> vote.decision == Decision.APPROVE).map(vote -> vote.voter)
                .collect(Collectors.toSet()));
    }

    public static ChangeAccess.Facts facts(ChangeRequest change, Set<String> approvers) {
        return new ChangeAccess.Facts(change.number, change.type, change.state, change.approvalStatus,
                change.requester, change.implementer, approvers);
    }

    /** The access rule of the move (approvers are not needed by the moves' rules): 403 with the reason. */
    static void requireAllowed(ChangeMove move, ChangeRequest change, Actor actor) {
        ChangeAccess.refusal(move, actor.who(), facts(change, Set.of())).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
    }
}
