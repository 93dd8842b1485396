package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.itsm.change.domain.ChangeAccess.Facts;
import org.itsm.change.domain.ChangeAccess.Who;
import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class ChangeAccessTest {

    private static final Who REQUESTER = new Who("rita", Set.of(Roles.REQUESTER));
    private static final Who MANAGER = new Who("max", Set.of(Roles.CHANGE_MANAGER));
    private static final Who IMPLEMENTER = new Who("ivan", Set.of(Roles.AGENT));
    private static final Who OTHER_AGENT = new Who("olga", Set.of(Roles.AGENT));
    private static final Who CAB = new Who("cab1", Set.of(Roles.CAB_MEMBER));

    private final ChangeLifecycle lifecycle = new ChangeLifecycle();

    private static Facts change(ChangeState state, ApprovalStatus approval) {
        return new Facts("CHG0000001", ChangeType.NORMAL, state, approval, "rita", "ivan", Set.of("cab2"));
    }

    @Test
    void theRequesterCancelsOnlyUntilTheAuthorisationCompletes() {
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, REQUESTER, change(ChangeState.NEW, ApprovalStatus.NOT_REQUESTED))
                .isEmpty());
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, REQUESTER, change(ChangeState.AUTHORIZE, ApprovalStatus.PENDING))
                .isEmpty());
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, REQUESTER,
                change(ChangeState.AUTHORIZE, ApprovalStatus.APPROVED)).isPresent());
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, REQUESTER,
                change(ChangeState.SCHEDULED, ApprovalStatus.APPROVED)).isPresent());
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, MANAGER,
                change(ChangeState.SCHEDULED, ApprovalStatus.APPROVED)).isEmpty());
        assertTrue(ChangeAccess.refusal(ChangeMove.CANCEL, OTHER_AGENT, change(ChangeState.NEW, ApprovalStatus.NOT_REQUESTED))
                .isPresent());
    }

    @Test
    void nobodyImplementsAChangeTheyRequestedOrApproved() {
        Facts change = change(ChangeState.SCHEDULED, ApprovalStatus.APPROVED);
        assertTrue(ChangeAccess.implementerRefusal("cab2", change).orElseThrow().contains("approved"));
        assertTrue(ChangeAccess.implementerRefusal("rita", change).orElseThrow().contains("requested"));
        assertTrue(ChangeAccess.implementerRefusal("ivan", change).isEmpty());
        assertTrue(ChangeAccess.refusal(ChangeAccess.Action.VOTE, new Who("ivan", Set.of(Roles.CAB_MEMBER)),
                change).orElseThrow().contains("implements"));
        assertTrue(ChangeAccess.refusal(ChangeAccess.Action.VOTE, new Who("rita", Set.of(Roles.CAB_MEMBER)), change)
                .orElseThrow().contains("requested"));
    }

    @Test
    void nextMovesFollowTheActor() {
        Facts scheduled = change(ChangeState.SCHEDULED, ApprovalStatus.APPROVED);
        List<ChangeLifecycle.AllowedMove> allowed = lifecycle.allowedMoves(ChangeType.NORMAL, ChangeState.SCHEDULED, true);
        assertEquals(List.of("implement", "cancel", "edit", "conflict-override"),
                ChangeAccess.actionsFor(allowed, MANAGER, scheduled));
        assertEquals(List.of("implement"), ChangeAccess.actionsFor(allowed, IMPLEMENTER, scheduled));
        assertEquals(List.of(), ChangeAccess.actionsFor(allowed, REQUESTER, scheduled));
        assertEquals(List.of(), ChangeAccess.actionsFor(allowed, OTHER_AGENT, scheduled));
        Facts awaiting = change(ChangeState.AUTHORIZE, ApprovalStatus.PENDING);
        List<ChangeLifecycle.AllowedMove> authorize = lifecycle.allowedMoves(ChangeType.NORMAL, ChangeState.AUTHORIZE,
                false);
        assertEquals(List.of("vote"), ChangeAccess.actionsFor(authorize, CAB, awaiting));
        assertEquals(List.of("cancel"), ChangeAccess.actionsFor(authorize, REQUESTER, awaiting));
    }

    @Test
    void onlyChangeManagersAssignPeopleAndEditThePlanAfterSubmission() {
        assertTrue(ChangeAccess.assignmentRefusal(MANAGER).isEmpty());
        assertTrue(ChangeAccess.assignmentRefusal(REQUESTER).isPresent());
        assertTrue(ChangeAccess.planEditRefusal(REQUESTER, ChangeState.NEW).isEmpty());
        assertEquals("after submission only change managers edit the plan",
                ChangeAccess.planEditRefusal(REQUESTER, ChangeState.ASSESS).orElseThrow());
        assertTrue(ChangeAccess.planEditRefusal(MANAGER, ChangeState.AUTHORIZE).isEmpty());
    }

    @Test
    void everyPlatformRoleButRequesterSeesAllChanges() {
        assertTrue(IMPLEMENTER.seesAllChanges());
        assertTrue(CAB.seesAllChanges());
        assertTrue(new Who("both", Set.of(Roles.REQUESTER, Roles.CATALOG_MANAGER)).seesAllChanges());
        assertTrue(!REQUESTER.seesAllChanges());
        assertTrue(!new Who("x", Set.of("offline_access")).seesAllChanges());
        assertTrue(MANAGER.managesChanges() && new Who("a", Set.of(Roles.ADMIN)).managesChanges());
    }
}
