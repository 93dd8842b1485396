package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.support.rest.ApiProblem;
import org.junit.jupiter.api.Test;

class ResponseTemplateAccessTest {

    private static final Set<String> AGENT = Set.of(Roles.AGENT);
    private static final Set<String> DESK = Set.of("service-desk");

    @Test
    void anAgentSeesAndChangesTheTemplatesOfTheirOwnGroupsOnly() {
        assertTrue(ResponseTemplateAccess.sees("service-desk", AGENT, DESK));
        assertFalse(ResponseTemplateAccess.sees("network", AGENT, DESK));
        assertDoesNotThrow(() -> ResponseTemplateAccess.requireMayChange("service-desk", AGENT, DESK));
        ApiProblem refused = assertThrows(ApiProblem.class,
                () -> ResponseTemplateAccess.requireMayChange("network", AGENT, DESK));
        assertEquals(403, refused.problem().status());
    }

    @Test
    void anAdminSeesAndChangesEveryGroupsTemplates() {
        assertTrue(ResponseTemplateAccess.seesEveryGroup(Set.of(Roles.ADMIN)));
        assertTrue(ResponseTemplateAccess.sees("network", Set.of(Roles.ADMIN), Set.of()));
        assertDoesNotThrow(() -> ResponseTemplateAccess.requireMayChange("network", Set.of(Roles.ADMIN), Set.of()));
    }

    @Test
    void aGroupMemberWithoutTheAgentRoleSeesNothing() {
        Set<String> applications = Set.of("applications");
        assertFalse(ResponseTemplateAccess.sees("applications", Set.of(Roles.PROBLEM_MANAGER), applications));
        assertFalse(ResponseTemplateAccess.sees("applications", Set.of(Roles.REQUESTER), applications));
        assertFalse(ResponseTemplateAccess.seesEveryGroup(AGENT));
        assertThrows(ApiProblem.class, () -> ResponseTemplateAccess.requireMayChange("applications",
                Set.of(Roles.PROBLEM_MANAGER), applications));
    }
}
