package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;

import org.itsm.problem.domain.ProblemAccess.Caller;
import org.itsm.problem.rest.KnownErrorResource;
import org.itsm.problem.rest.ProblemResource;
import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class ProblemAccessTest {

    private final ProblemAccess access = new ProblemAccess();
    private final ProblemLifecycle lifecycle = new ProblemLifecycle();

    /** Each endpoint and the action it performs. */
    private static final Map<String, String> ENDPOINT_ACTIONS = Map.ofEntries(
            Map.entry("ProblemResource.create", ProblemAccess.CREATE),
            Map.entry("ProblemResource.list", ProblemAccess.READ),
            Map.entry("ProblemResource.summary", ProblemAccess.READ),
            Map.entry("ProblemResource.get", ProblemAccess.READ),
            Map.entry("ProblemResource.nextStates", ProblemAccess.READ),
            Map.entry("ProblemResource.incidents", ProblemAccess.READ),
            Map.entry("ProblemResource.knownError", ProblemAccess.READ),
            Map.entry("ProblemResource.history", ProblemAccess.READ),
            Map.entry("KnownErrorResource.search", ProblemAccess.READ),
            Map.entry("ProblemResource.update", ProblemAction.UPDATE.action()),
            Map.entry("ProblemResource.link", ProblemAction.LINK_INCIDENT.action()),
            Map.entry("ProblemResource.unlink", ProblemAction.UNLINK_INCIDENT.action()),
            Map.entry("ProblemResource.fixChange", ProblemAction.RECORD_FIX_CHANGE.action()),
            Map.entry("ProblemResource.publishKnownError", ProblemAction.PUBLISH_KNOWN_ERROR.action()),
            Map.entry("ProblemResource.assess", Move.ASSESS.action()),
            Map.entry("ProblemResource.analyse", Move.ANALYSE.action()),
            Map.entry("ProblemResource.startFix", Move.START_FIX.action()),
            Map.entry("ProblemResource.reanalyse", Move.REANALYSE.action()),
            Map.entry("ProblemResource.resolve", Move.RESOLVE.action()),
            Map.entry("ProblemResource.close", Move.CLOSE.action()),
            Map.entry("ProblemResource.cancel", Move.CANCEL.action()));

    @Test
    void everyEndpointAdmitsExactlyTheRolesOfItsAction() {
        int checked = 0;
        for (Class<?> resource : List.of(ProblemResource.class, KnownErrorResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                if (roles == null) {
                    continue;
                }
                String endpoint = resource.getSimpleName() + "." + method.getName();
                String action = ENDPOINT_ACTIONS.get(endpoint);
                assertTrue(action != null, endpoint + " is not mapped to an action");
                assertEquals(new TreeSet<>(access.rolesFor(action)), new TreeSet<>(Set.of(roles.value())), endpoint);
                checked++;
            }
        }
        assertEquals(ENDPOINT_ACTIONS.size(), checked);
    }

    @Test
    void anAgentProposesAndLinksButMakesNoMove() {
        Caller agent = new Caller("agent", Set.of(Roles.AGENT));
        assertTrue(access.may(agent, ProblemAccess.CREATE));
        assertTrue(access.may(agent, ProblemAction.LINK_INCIDENT.action()));
        assertFalse(access.may(agent, ProblemAction.UNLINK_INCIDENT.action()));
        assertEquals(List.of(), access.movesFor(agent, lifecycle.allowedMoves(ProblemState.NEW)));
        assertEquals(List.of("link-incident"), access.actionsFor(agent, lifecycle.allowedMoves(ProblemState.NEW),
                lifecycle.allowedActions(ProblemState.NEW)));
    }

    @Test
    void aProblemManagerTakesEveryMoveAndActionTheStateAdmits() {
        Caller manager = new Caller("pat", Set.of(Roles.PROBLEM_MANAGER));
        assertEquals(List.of("start-fix", "resolve", "cancel", "update", "link-incident", "unlink-incident",
                "publish-known-error", "fix-change"), access.actionsFor(manager,
                        lifecycle.allowedMoves(ProblemState.ROOT_CAUSE_ANALYSIS),
                        lifecycle.allowedActions(ProblemState.ROOT_CAUSE_ANALYSIS)));
        Caller requester = new Caller("rita", Set.of(Roles.REQUESTER));
        assertFalse(access.may(requester, ProblemAccess.READ));
        assertEquals(List.of(), access.actionsFor(requester, lifecycle.allowedMoves(ProblemState.NEW),
                lifecycle.allowedActions(ProblemState.NEW)));
    }

    @Test
    void onlyAProblemManagerRaisesAProblemAssigned() {
        Caller agent = new Caller("agent", Set.of(Roles.AGENT));
        Caller manager = new Caller("pat", Set.of(Roles.PROBLEM_MANAGER));
        assertEquals(java.util.Optional.empty(), access.assignmentRefusal(agent, null, null));
        assertEquals(java.util.Optional.empty(), access.assignmentRefusal(manager, "sam", "mail-ops"));
        assertEquals("Only a problem manager assigns problems; propose it without assignee and assignmentGroup",
                access.assignmentRefusal(agent, "sam", "mail-ops").orElseThrow());
        assertEquals("Only a problem manager assigns problems; propose it without assignmentGroup",
                access.assignmentRefusal(agent, null, "mail-ops").orElseThrow());
    }
}
