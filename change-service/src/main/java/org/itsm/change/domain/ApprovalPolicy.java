package org.itsm.change.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.itsm.events.api.Roles;

/**
 * Approval policy: the route follows from type and risk, votes are counted per route, and segregation of duties keeps
 * a change's requester and implementer from approving it. Any rejection by an eligible voter rejects the change.
 */
public final class ApprovalPolicy {

    /** One vote as counted: who, in which capacity, what. */
    public record Vote(String voter, Capacity capacity, Decision decision) {
    }

    /** Why a person may not vote; {@code alreadyVoted} tells a repeated vote (409) from a forbidden one (403). */
    public record Refusal(String reason, boolean alreadyVoted) {
    }

    private final int cabQuorum;

    public ApprovalPolicy(int cabQuorum) {
        if (cabQuorum < 1) {
            throw new IllegalArgumentException("CAB quorum must be at least 1");
        }
        this.cabQuorum = cabQuorum;
    }

    public static ApprovalRoute route(ChangeType type, RiskLevel risk) {
        return switch (type) {
            case STANDARD -> ApprovalRoute.PRE_APPROVED;
            case EMERGENCY -> ApprovalRoute.EMERGENCY_CAB;
            case NORMAL -> risk == RiskLevel.LOW ? ApprovalRoute.CHANGE_MANAGER : ApprovalRoute.CAB;
        };
    }

    /**
     * The capacities whose votes a change awaits: those its route asks for while the approval is pending in
     * Authorize (published as the change events' {@code awaitedVotes}); none otherwise.
     */
    public static List<Capacity> awaitedVotes(ChangeState state, ApprovalStatus status, ApprovalRoute route) {
        if (state != ChangeState.AUTHORIZE || status != ApprovalStatus.PENDING || route == null) {
            return List.of();
        }
        return switch (route) {
            case PRE_APPROVED -> List.of();
            case CHANGE_MANAGER -> List.of(Capacity.CHANGE_MANAGER);
            case CAB -> List.of(Capacity.CAB_MEMBER);
            case EMERGENCY_CAB -> List.of(Capacity.CHANGE_MANAGER, Capacity.CAB_MEMBER);
        };
    }

    /** What the route needs, in words for the API. */
    public String describe(ApprovalRoute route) {
        return switch (route) {
            case PRE_APPROVED -> "pre-approved standard change";
            case CHANGE_MANAGER -> "one change manager";
            case CAB -> cabQuorum + " CAB member approval(s); any rejection rejects";
            case EMERGENCY_CAB -> "one change manager and one CAB member; any rejection rejects";
        };
    }

    /**
     * Refuses a voter who requested or implements the change, who already voted in this round, or whose roles do
     * not count for the route; otherwise empty.
     */
    public Optional<Refusal> refusal(ApprovalRoute route, String voter, Set<String> roles, String requester,
            String implementer, List<Vote> votes) {
        Optional<String> duties = dutiesRefusal(voter, requester, implementer);
        if (duties.isPresent()) {
            return Optional.of(new Refusal(duties.get(), false));
        }
        if (votes.stream().anyMatch(vote -> vote.voter().equals(voter))) {
            return Optional.of(new Refusal(voter + " has already voted on this change", true));
        }
        if (capacity(route, roles, votes).isEmpty()) {
            return Optional.of(new Refusal("this change needs " + describe(route) + "; your roles do not count for"
                    + " the approval still needed", false));
        }
        return Optional.empty();
    }

    /**
     * Segregation of duties at the vote: the requester and the implementer of a change do not approve it (the other
     * half, nobody is made implementer of a change they requested or approved, is in {@link ChangeAccess}).
     */
    public static Optional<String> dutiesRefusal(String voter, String requester, String implementer) {
        if (voter.equals(requester)) {
            return Optional.of("segregation of duties: " + voter + " requested this change and cannot approve it");
        }
        if (voter.equals(implementer)) {
            return Optional.of("segregation of duties: " + voter + " implements this change and cannot approve it");
        }
        return Optional.empty();
    }

    /**
     * The capacity a voter's vote counts in: the one the route still needs that the voter's roles give. Admins count
     * in whichever capacity is still open.
     */
    public Optional<Capacity> capacity(ApprovalRoute route, Set<String> roles, List<Vote> votes) {
        boolean admin = roles.contains(Roles.ADMIN);
        boolean manager = admin || roles.contains(Roles.CHANGE_MANAGER);
        boolean member = admin || roles.contains(Roles.CAB_MEMBER);
        return switch (route) {
            case PRE_APPROVED -> Optional.empty();
            case CHANGE_MANAGER -> manager ? Optional.of(Capacity.CHANGE_MANAGER) : Optional.empty();
            case CAB -> member ? Optional.of(Capacity.CAB_MEMBER) : Optional.empty();
            case EMERGENCY_CAB -> {
                boolean managerApproved = approvals(votes, Capacity.CHANGE_MANAGER) > 0;
                boolean memberApproved = approvals(votes, Capacity.CAB_MEMBER) > 0;
                if (roles.contains(Roles.CHANGE_MANAGER) && !managerApproved) {
                    yield Optional.of(Capacity.CHANGE_MANAGER);
                }
                if (roles.contains(Roles.CAB_MEMBER) && !memberApproved) {
                    yield Optional.of(Capacity.CAB_MEMBER);
                }
                if (admin && !managerApproved) {
                    yield Optional.of(Capacity.CHANGE_MANAGER);
                }
                if (admin && !memberApproved) {
                    yield Optional.of(Capacity.CAB_MEMBER);
                }
                yield Optional.empty();
            }
        };
    }

    /** Where the approval stands after these votes. */
    public ApprovalStatus status(ApprovalRoute route, List<Vote> votes) {
        if (route == ApprovalRoute.PRE_APPROVED) {
            return ApprovalStatus.APPROVED;
        }
        if (votes.stream().anyMatch(vote -> vote.decision() == Decision.REJECT)) {
            return ApprovalStatus.REJECTED;
        }
        boolean approved = switch (route) {
            case CHANGE_MANAGER -> approvals(votes, Capacity.CHANGE_MANAGER) >= 1;
            case CAB -> approvals(votes, Capacity.CAB_MEMBER) >= cabQuorum;
            case EMERGENCY_CAB -> approvals(votes, Capacity.CHANGE_MANAGER) >= 1
                    && approvals(votes, Capacity.CAB_MEMBER) >= 1;
            case PRE_APPROVED -> true;
        };
        return approved ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
    }

    private static long approvals(List<Vote> votes, Capacity capacity) {
        return votes.stream().filter(vote -> vote.capacity() == capacity && vote.decision() == Decision.APPROVE)
                .count();
    }
}
