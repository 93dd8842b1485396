package org.itsm.incident.domain;

import java.util.List;
import java.util.UUID;

/** Parent and child incidents form a tree: an incident can be neither its own parent nor an ancestor's. */
public final class IncidentHierarchy {

    private IncidentHierarchy() {
    }

    /**
     * Whether making {@code parent} the parent of {@code child} closes a cycle.
     *
     * @param ancestorsOfParent the parent's own parent, its parent, and so on (as far as the chain goes)
     */
    public static boolean closesCycle(UUID child, UUID parent, List<UUID> ancestorsOfParent) {
        return child.equals(parent) || ancestorsOfParent.contains(child);
    }
}
