package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.support.rest.ApiProblem;
import org.junit.jupiter.api.Test;

class IncidentAccessTest {

    private static final Set<String> REQUESTER = Set.of(Roles.REQUESTER);

    @Test
    void aRequesterMayOnlyReopenTheirOwnIncident() {
        for (Move move : Move.values()) {
            boolean expected = move == Move.REOPEN;
            assertTrue(IncidentAccess.mayMove(move, REQUESTER, true) == expected, move.action());
            assertFalse(IncidentAccess.mayMove(move, REQUESTER, false), move.action());
        }
    }

    @Test
    void agentsAndAdminsMayMakeEveryMove() {
        for (Move move : Move.values()) {
            assertTrue(IncidentAccess.mayMove(move, Set.of(Roles.AGENT), false));
            assertTrue(IncidentAccess.mayMove(move, Set.of(Roles.ADMIN), false));
        }
    }

    @Test
    void readersWhoDoNotWorkIncidentsMayMoveNothing() {
        for (Move move : Move.values()) {
            assertFalse(IncidentAccess.mayMove(move, Set.of(Roles.PROBLEM_MANAGER), true));
            assertFalse(IncidentAccess.mayMove(move, Set.of(Roles.CHANGE_MANAGER), false));
        }
    }

    @Test
    void onlyThoseWhoWorkIncidentsDeclareAMajorIncident() {
        assertTrue(IncidentAccess.mayDeclareMajor(Set.of(Roles.AGENT)));
        assertTrue(IncidentAccess.mayDeclareMajor(Set.of(Roles.ADMIN)));
        assertFalse(IncidentAccess.mayDeclareMajor(REQUESTER));
        assertFalse(IncidentAccess.mayDeclareMajor(Set.of(Roles.PROBLEM_MANAGER)));
    }

    @Test
    void staffReadEveryIncidentARequesterOnlyTheirOwn() {
        for (String role : Set.of(Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER)) {
            assertTrue(IncidentAccess.readsEveryIncident(Set.of(role)), role);
        }
        assertFalse(IncidentAccess.readsEveryIncident(REQUESTER));
        assertFalse(IncidentAccess.readsEveryIncident(Set.of(Roles.CAB_MEMBER)));
    }

    @Test
    void makingAnIncidentMajorIsRefusedToThoseWhoMayNotDeclareOne() {
        assertThrows(ApiProblem.class, () -> IncidentAccess.requireMayDeclareMajor(REQUESTER, false, true));
        assertDoesNotThrow(() -> IncidentAccess.requireMayDeclareMajor(Set.of(Roles.AGENT), false, true));
        // already major, or not asked to be: nothing is declared
        assertDoesNotThrow(() -> IncidentAccess.requireMayDeclareMajor(REQUESTER, true, true));
        assertDoesNotThrow(() -> IncidentAccess.requireMayDeclareMajor(REQUESTER, false, null));
        assertDoesNotThrow(() -> IncidentAccess.requireMayDeclareMajor(REQUESTER, false, false));
    }
}
