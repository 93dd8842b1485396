package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.itsm.support.rest.ApiProblem;
import org.junit.jupiter.api.Test;

class AssignmentGroupsTest {

    @Test
    void mineSelectsTheCallersGroups() {
        assertEquals(Set.of("network", "service-desk"),
                AssignmentGroups.selected("mine", Set.of("service-desk", "network")));
        assertEquals(Set.of("network"), AssignmentGroups.selected(" MINE ", Set.of("network")));
    }

    @Test
    void mineWithoutGroupsSelectsNothingRatherThanEverything() {
        assertEquals(Set.of(), AssignmentGroups.selected("mine", Set.of()));
    }

    @Test
    void aGroupNameSelectsThatGroupWhateverTheCallersGroups() {
        assertEquals(Set.of("network"), AssignmentGroups.selected("network", Set.of("service-desk")));
    }

    @Test
    void absentOrBlankDoesNotFilter() {
        assertNull(AssignmentGroups.selected(null, Set.of("network")));
        assertNull(AssignmentGroups.selected("  ", Set.of("network")));
    }

    @Test
    void aValueLongerThanAGroupNameIsRefusedNamingTheParameter() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> AssignmentGroups.selected("x".repeat(AssignmentGroups.MAX_NAME + 1), Set.of()));
        assertEquals(400, problem.problem().status());
        assertEquals("assignmentGroup", problem.problem().errors().get(0).field());
    }
}
