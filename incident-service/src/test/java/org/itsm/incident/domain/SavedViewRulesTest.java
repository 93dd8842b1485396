package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail.FieldError;
import org.junit.jupiter.api.Test;

class SavedViewRulesTest {

    private static final Set<String> SORTABLE = Set.of("updatedAt", "slaDue", "priority");

    @Test
    void theListFiltersWithValuesTheyTakeAreAccepted() {
        Map<String, String> filters = new TreeMap<>(Map.of("state", "in_progress", "priority", "P1",
                "assignmentGroup", "mine", "assignee", "none", "serviceId", "0b0c1f8e-8f0e-4b5e-9a57-3f9c2a8f5d11",
                "caller", "requester", "major", "true", "breached", "false", "open", "TRUE", "slaAtRisk", "true"));
        filters.put("q", "mail");
        filters.put("sort", "-updatedAt,slaDue");
        assertDoesNotThrow(() -> SavedViewRules.requireValidFilters(filters, SORTABLE));
    }

    @Test
    void unknownKeysAndRefusedValuesAreEachNamed() {
        Map<String, String> filters = new TreeMap<>(Map.of("colour", "red", "state", "DONE", "priority", "P9",
                "open", "yes", "serviceId", "x", "sort", "colour", "page", "2", "q", " "));
        ApiProblem problem = assertThrows(ApiProblem.class, () -> SavedViewRules.requireValidFilters(filters, SORTABLE));
        assertEquals(400, problem.problem().status());
        List<String> fields = problem.problem().errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("filters.colour", "filters.open", "filters.page", "filters.priority", "filters.q",
                "filters.serviceId", "filters.sort", "filters.state"), fields);
    }

    @Test
    void aViewIsSharedOnlyWithOneOfTheOwnersGroups() {
        assertDoesNotThrow(() -> SavedViewRules.requireSharable("network", Set.of("network")));
        assertDoesNotThrow(() -> SavedViewRules.requireSharable(null, Set.of()));
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> SavedViewRules.requireSharable("network", Set.of("service-desk")));
        assertEquals("sharedWith", problem.problem().errors().get(0).field());
    }

    @Test
    void theOwnerAndTheMembersOfTheSharedGroupSeeAViewOnlyTheOwnerOwnsIt() {
        SavedView view = new SavedView();
        view.owner = "sub-agent";
        assertTrue(SavedViewRules.sees(view, "sub-agent", Set.of()));
        assertFalse(SavedViewRules.sees(view, "sub-other", Set.of("network")));
        view.sharedWith = "network";
        assertTrue(SavedViewRules.sees(view, "sub-other", Set.of("network")));
        assertFalse(SavedViewRules.sees(view, "sub-third", Set.of("service-desk")));
        assertTrue(SavedViewRules.owns(view, "sub-agent"));
        assertFalse(SavedViewRules.owns(view, "sub-other"));
    }
}
