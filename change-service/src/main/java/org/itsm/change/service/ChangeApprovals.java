package org.itsm.change.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.config.ChangeConfig;
import org.itsm.change.domain.ApprovalPolicy;
import org.itsm.change.domain.ApprovalStatus;
import org.itsm.change.domain.ChangeApproval;
import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.ChangeApprovalRepository;
import org.itsm.change.service.ChangeCommands.CastVote;
import org.itsm.events.EventTypes;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Authorisation: approval rounds along the route of type and risk, and the votes of change managers and CAB members
 * counted by {@link ApprovalPolicy} (route capacities, quorum, segregation of duties, one vote per round).
 */
@ApplicationScoped
public class ChangeApprovals {

    private final ChangeLookup lookup;
    private final ChangeApprovalRepository approvals;
    private final ChangeScheduling scheduling;
    private final RecordHistory history;
    private final ChangeEventPublisher events;
    private final ApprovalPolicy policy;
    private final Clock clock;

    public ChangeApprovals(ChangeLookup lookup, ChangeApprovalRepository approvals, ChangeScheduling scheduling,
            RecordHistory history, ChangeEventPublisher events, ChangeConfig config, Clock clock) {
        this.lookup = lookup;
        this.approvals = approvals;
        this.scheduling = scheduling;
        this.history = history;
        this.events = events;
        this.policy = new ApprovalPolicy(config.cabQuorum());
        this.clock = clock;
    }

    public ApprovalPolicy policy() {
        return policy;
    }

    @WithSession
    public Uni<List<ChangeApproval>> votes(UUID id, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> approvals.ofChange(change.id));
    }

    /** A vote of the current round; completes or rejects the approval when the policy says so. */
    @WithTransaction
    public Uni<ChangeApproval> vote(UUID id, CastVote command, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            if (!ChangeLifecycle.awaitsVotes(change.state, change.approvalStatus)) {
                throw ApiProblem.conflict("Votes are taken only while a change awaits authorisation; "
                        + change.number + " is " + change.state + " (approval " + change.approvalStatus + ")");
            }
            return approvals.ofRound(change.id, change.approvalRound).flatMap(cast -> {
                List<ApprovalPolicy.Vote> votes = new ArrayList<>(cast.stream().map(ChangeApprovals::counted).toList());
                policy.refusal(change.approvalRoute, actor.name(), actor.roles(), change.requester,
                        change.implementer, votes).ifPresent(refusal -> {
                            throw refusal.alreadyVoted() ? ApiProblem.conflict(refusal.reason())
                                    : ApiProblem.forbidden(refusal.reason());
                        });
                ChangeApproval vote = new ChangeApproval();
                vote.id = UUID.randomUUID();
                vote.changeId = change.id;
                vote.round = change.approvalRound;
                vote.voter = actor.name();
                vote.capacity = policy.capacity(change.approvalRoute, actor.roles(), votes).orElseThrow();
                vote.decision = command.decision();
                vote.comment = command.comment();
                vote.castAt = clock.instant();
                votes.add(counted(vote));
                ApprovalStatus after = policy.status(change.approvalRoute, votes);
                FieldEdits edits = new FieldEdits();
                edits.record("vote", null, vote.voter + " " + vote.decision + " as " + vote.capacity + " (round "
                        + vote.round + ")" + (vote.comment == null || vote.comment.isBlank() ? "" : ": " + vote.comment));
                edits.set("approvalStatus", after, change.approvalStatus, status -> change.approvalStatus = status);
                change.updatedAt = vote.castAt;
                if (after == ApprovalStatus.REJECTED) {
                    // back to New: the requester reworks it; the round's votes stay as evidence only
                    edits.set("state", ChangeState.NEW, change.state, state -> change.state = state);
                } else if (after == ApprovalStatus.APPROVED) {
                    change.approvedAt = vote.castAt;
                }
                return approvals.persist(vote)
                        .flatMap(ignored -> Panache.flush())
                        .onFailure(org.hibernate.exception.ConstraintViolationException.class)
                        .transform(duplicate -> ApiProblem.conflict(actor.name() + " has already voted on this change"))
                        .flatMap(ignored -> history.record(change.id, actor.name(), edits.changes()))
                        .flatMap(ignored -> events.publishVote(change, vote))
                        .flatMap(ignored -> switch (after) {
                            case APPROVED -> events.publish(EventTypes.CHANGE_APPROVED, change);
                            case REJECTED -> events.publish(EventTypes.CHANGE_REJECTED, change);
                            default -> Uni.createFrom().voidItem();
                        })
                        .map(ignored -> vote);
            });
        });
    }

    /** A new approval round along the route of type and risk; hard conflicts must be settled first. */
    Uni<Void> enterAuthorize(ChangeRequest change) {
        return scheduling.requireNoHardConflicts(change).invoke(() -> {
            change.approvalRoute = ApprovalPolicy.route(change.type, change.riskLevel);
            change.approvalStatus = ApprovalStatus.PENDING;
            change.approvalRound++;
            change.approvedAt = null;
        });
    }

    /** Why the actor's vote would be refused now (the vote endpoint's own rule), given every vote of the change. */
    Optional<ApprovalPolicy.Refusal> voteRefusal(ChangeRequest change, Actor actor, List<ChangeApproval> cast) {
        List<ApprovalPolicy.Vote> round = cast.stream().filter(vote -> vote.round == change.approvalRound)
                .map(ChangeApprovals::counted).toList();
        return policy.refusal(change.approvalRoute, actor.name(), actor.roles(), change.requester,
                change.implementer, round);
    }

    private static ApprovalPolicy.Vote counted(ChangeApproval approval) {
        return new ApprovalPolicy.Vote(approval.voter, approval.capacity, approval.decision);
    }
}
