package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.itsm.catalog.domain.RequestAccess.Action;
import org.itsm.catalog.domain.RequestAccess.Who;
import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class RequestAccessTest {

    private static final Who RITA = new Who("rita", Set.of(Roles.REQUESTER));
    private static final Who MIKE = new Who("mike", Set.of(Roles.REQUESTER));
    private static final Who AGENT = new Who("agent", Set.of(Roles.AGENT));
    private static final Who CATALOG = new Who("cm", Set.of(Roles.CATALOG_MANAGER));
    private static final Who ADMIN = new Who("root", Set.of(Roles.ADMIN));

    @Test
    void onlyTheDesignatedApproverIsOfferedTheDecisionAndNeverTheRequester() {
        ServiceRequest request = request(ApprovalRule.MANAGER, "mike", RequestState.AWAITING_APPROVAL);
        assertEquals(List.of("cancel"), actions(request, RITA));
        assertEquals(List.of("approve", "reject"), actions(request, MIKE));
        assertEquals(List.of("cancel"), actions(request, AGENT));
        assertEquals(List.of(), actions(request, CATALOG));
        assertEquals(List.of("approve", "reject", "cancel"), actions(request, ADMIN));
        assertEquals(List.of(new Action("approve", List.of()), new Action("reject", List.of("comment"))),
                RequestAccess.allowedActions(request, MIKE));

        ServiceRequest byCatalog = request(ApprovalRule.CATALOG_MANAGER, null, RequestState.AWAITING_APPROVAL);
        assertEquals(List.of("approve", "reject"), actions(byCatalog, CATALOG));
        assertEquals(List.of("cancel"), actions(byCatalog, RITA));
        // an admin who ordered it themselves does not approve it either
        ServiceRequest own = request(ApprovalRule.CATALOG_MANAGER, null, RequestState.AWAITING_APPROVAL);
        own.requester = "root";
        assertEquals(List.of("cancel"), actions(own, ADMIN));
    }

    @Test
    void theInboxHoldsTheRequestsWhoseRuleNamesTheCallerWhileTheyAwaitApproval() {
        ServiceRequest byManager = request(ApprovalRule.MANAGER, "mike", RequestState.AWAITING_APPROVAL);
        assertTrue(RequestAccess.awaitsDecisionOf(byManager, MIKE));
        assertFalse(RequestAccess.awaitsDecisionOf(byManager, RITA));
        assertFalse(RequestAccess.awaitsDecisionOf(byManager, AGENT));
        assertFalse(RequestAccess.awaitsDecisionOf(byManager, CATALOG));
        // an admin may decide it, but it does not wait for them
        assertFalse(RequestAccess.awaitsDecisionOf(byManager, ADMIN));
        assertFalse(RequestAccess.awaitsDecisionOf(request(ApprovalRule.MANAGER, "mike", RequestState.APPROVED), MIKE));

        ServiceRequest byCatalog = request(ApprovalRule.CATALOG_MANAGER, null, RequestState.AWAITING_APPROVAL);
        assertTrue(RequestAccess.awaitsDecisionOf(byCatalog, CATALOG));
        assertTrue(RequestAccess.awaitsDecisionOf(byCatalog, ADMIN));
        assertFalse(RequestAccess.awaitsDecisionOf(byCatalog, MIKE));
        byCatalog.requester = "cm";
        assertFalse(RequestAccess.awaitsDecisionOf(byCatalog, CATALOG));
        assertFalse(RequestAccess.awaitsDecisionOf(request(ApprovalRule.NONE, null, RequestState.AWAITING_APPROVAL),
                ADMIN));
    }

    @Test
    void taskMovesAreFulfilmentStaffsAndNotOfferedAsRequestActions() {
        ServiceRequest approved = request(ApprovalRule.NONE, null, RequestState.APPROVED);
        assertEquals(List.of("cancel"), actions(approved, AGENT));
        assertEquals(List.of("start"), RequestAccess.allowedTaskActions(TaskState.OPEN, AGENT));
        assertEquals(List.of(), RequestAccess.allowedTaskActions(TaskState.OPEN, RITA));
        assertEquals(List.of("complete"), RequestAccess.allowedTaskActions(TaskState.IN_PROGRESS, ADMIN));
        assertEquals(List.of("close"), actions(request(ApprovalRule.NONE, null, RequestState.FULFILLED), RITA));
        assertEquals(List.of(), actions(request(ApprovalRule.NONE, null, RequestState.FULFILLED), MIKE));
    }

    @Test
    void requestersSeeWhatTheyOrderedOrMustApproveAndStaffSeeAll() {
        ServiceRequest request = request(ApprovalRule.MANAGER, "mike", RequestState.AWAITING_APPROVAL);
        assertTrue(RequestAccess.sees(request, RITA));
        assertTrue(RequestAccess.sees(request, MIKE));
        assertFalse(RequestAccess.sees(request, new Who("olga", Set.of(Roles.REQUESTER))));
        assertTrue(RequestAccess.sees(request, AGENT));
        assertTrue(RequestAccess.sees(request, CATALOG));
        assertTrue(RequestAccess.seesAll(ADMIN));
        assertFalse(RequestAccess.seesAll(MIKE));
    }

    private static List<String> actions(ServiceRequest request, Who who) {
        return RequestAccess.allowedActions(request, who).stream().map(Action::action).toList();
    }

    private static ServiceRequest request(ApprovalRule rule, String approver, RequestState state) {
        ServiceRequest request = new ServiceRequest();
        request.number = "REQ0000001";
        request.requester = "rita";
        request.approvalRule = rule;
        request.approver = approver;
        request.state = state;
        return request;
    }
}
