package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IncidentHierarchyTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void anIncidentIsNotItsOwnParent() {
        assertTrue(IncidentHierarchy.closesCycle(a, a, List.of()));
    }

    @Test
    void aParentMayNotDescendFromTheChild() {
        // B's parent is A: A cannot take B as parent
        assertTrue(IncidentHierarchy.closesCycle(a, b, List.of(a)));
        // C -> B -> A: A cannot take C as parent
        assertTrue(IncidentHierarchy.closesCycle(a, c, List.of(b, a)));
    }

    @Test
    void anUnrelatedParentIsFine() {
        assertFalse(IncidentHierarchy.closesCycle(a, c, List.of(b)));
        assertFalse(IncidentHierarchy.closesCycle(a, b, List.of()));
    }
}
