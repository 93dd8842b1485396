package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.itsm.change.domain.ApprovalPolicy.Refusal;
import org.itsm.change.domain.ApprovalPolicy.Vote;
import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = new ApprovalPolicy(2);

    @Test
    void routeFollowsTypeAndRisk() {
        assertEquals(ApprovalRoute.PRE_APPROVED, ApprovalPolicy.route(ChangeType.STANDARD, RiskLevel.HIGH));
        assertEquals(ApprovalRoute.CHANGE_MANAGER, ApprovalPolicy.route(ChangeType.NORMAL, RiskLevel.LOW));
        assertEquals(ApprovalRoute.CAB, ApprovalPolicy.route(ChangeType.NORMAL, RiskLevel.MEDIUM));
        assertEquals(ApprovalRoute.CAB, ApprovalPolicy.route(ChangeType.NORMAL, RiskLevel.HIGH));
        assertEquals(ApprovalRoute.EMERGENCY_CAB, ApprovalPolicy.route(ChangeType.EMERGENCY, RiskLevel.LOW));
    }

    @Test
    void cabNeedsTheQuorum() {
        Vote first = new Vote("cab1", Capacity.CAB_MEMBER, Decision.APPROVE);
        Vote second = new Vote("cab2", Capacity.CAB_MEMBER, Decision.APPROVE);
        assertEquals(ApprovalStatus.PENDING, policy.status(ApprovalRoute.CAB, List.of(first)));
        assertEquals(ApprovalStatus.APPROVED, policy.status(ApprovalRoute.CAB, List.of(first, second)));
        assertEquals(ApprovalStatus.APPROVED, new ApprovalPolicy(1).status(ApprovalRoute.CAB, List.of(first)));
    }

    @Test
    void anyRejectionRejects() {
        List<Vote> votes = List.of(new Vote("cab1", Capacity.CAB_MEMBER, Decision.APPROVE),
                new Vote("cab2", Capacity.CAB_MEMBER, Decision.APPROVE),
                new Vote("cab3", Capacity.CAB_MEMBER, Decision.REJECT));
        assertEquals(ApprovalStatus.REJECTED, policy.status(ApprovalRoute.CAB, votes));
    }

    @Test
    void lowRiskNeedsOneChangeManagerAndCabMembersDoNotCount() {
        assertEquals(Optional.empty(), policy.capacity(ApprovalRoute.CHANGE_MANAGER, Set.of(Roles.CAB_MEMBER), List.of()));
        assertEquals(ApprovalStatus.APPROVED, policy.status(ApprovalRoute.CHANGE_MANAGER,
                List.of(new Vote("cm", Capacity.CHANGE_MANAGER, Decision.APPROVE))));
    }

    @Test
    void emergencyNeedsAManagerAndAMember() {
        Vote manager = new Vote("cm", Capacity.CHANGE_MANAGER, Decision.APPROVE);
        Vote member = new Vote("cab1", Capacity.CAB_MEMBER, Decision.APPROVE);
        assertEquals(ApprovalStatus.PENDING, policy.status(ApprovalRoute.EMERGENCY_CAB, List.of(manager)));
        assertEquals(ApprovalStatus.APPROVED, policy.status(ApprovalRoute.EMERGENCY_CAB, List.of(manager, member)));
        // a second change manager has nothing left to approve
        assertEquals(Optional.empty(), policy.capacity(ApprovalRoute.EMERGENCY_CAB, Set.of(Roles.CHANGE_MANAGER),
                List.of(manager)));
        // an admin fills whichever capacity is still open
        assertEquals(Optional.of(Capacity.CAB_MEMBER), policy.capacity(ApprovalRoute.EMERGENCY_CAB,
                Set.of(Roles.ADMIN), List.of(manager)));
    }

    @Test
    void segregationOfDutiesAndOneVoteEach() {
        Set<String> member = Set.of(Roles.CAB_MEMBER);
        Refusal requester = policy.refusal(ApprovalRoute.CAB, "alice", member, "alice", "bob", List.of()).orElseThrow();
        assertTrue(requester.reason().contains("segregation of duties"));
        assertFalse(requester.alreadyVoted());
        Refusal implementer = policy.refusal(ApprovalRoute.CAB, "bob", member, "alice", "bob", List.of()).orElseThrow();
        assertTrue(implementer.reason().contains("implements"));
        Refusal twice = policy.refusal(ApprovalRoute.CAB, "cab1", member, "alice", "bob",
                List.of(new Vote("cab1", Capacity.CAB_MEMBER, Decision.APPROVE))).orElseThrow();
        assertTrue(twice.alreadyVoted());
        assertTrue(policy.refusal(ApprovalRoute.CAB, "cab2", member, "alice", "bob", List.of()).isEmpty());
    }

    @Test
    void aPendingApprovalInAuthorizeAwaitsTheVotesOfItsRouteAndNothingElseAwaitsVotes() {
        assertEquals(List.of(Capacity.CAB_MEMBER),
                ApprovalPolicy.awaitedVotes(ChangeState.AUTHORIZE, ApprovalStatus.PENDING, ApprovalRoute.CAB));
        assertEquals(List.of(Capacity.CHANGE_MANAGER, Capacity.CAB_MEMBER),
                ApprovalPolicy.awaitedVotes(ChangeState.AUTHORIZE, ApprovalStatus.PENDING, ApprovalRoute.EMERGENCY_CAB));
        assertEquals(List.of(Capacity.CHANGE_MANAGER),
                ApprovalPolicy.awaitedVotes(ChangeState.AUTHORIZE, ApprovalStatus.PENDING, ApprovalRoute.CHANGE_MANAGER));
        assertEquals(List.of(),
                ApprovalPolicy.awaitedVotes(ChangeState.AUTHORIZE, ApprovalStatus.APPROVED, ApprovalRoute.CAB));
        assertEquals(List.of(),
                ApprovalPolicy.awaitedVotes(ChangeState.NEW, ApprovalStatus.REJECTED, ApprovalRoute.CAB));
        assertEquals(List.of(),
                ApprovalPolicy.awaitedVotes(ChangeState.SCHEDULED, ApprovalStatus.APPROVED, ApprovalRoute.PRE_APPROVED));
    }
}
