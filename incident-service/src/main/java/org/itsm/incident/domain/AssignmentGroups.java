package org.itsm.incident.domain;

import java.util.Set;

import org.itsm.support.rest.ApiProblem;

/**
 * The assignment groups a list asks for with its {@code assignmentGroup} filter: a group's name, or {@link #MINE}
 * for the groups the caller belongs to (the {@code assignment_groups} claim of their token). A caller in no group
 * asking for {@code mine} matches nothing: an empty queue, not an error.
 */
public final class AssignmentGroups {

    /** The filter value asking for the caller's own groups (so no group may be called {@code mine}). */
    public static final String MINE = "mine";
    /** The longest group name an incident or a template stores. */
    public static final int MAX_NAME = 120;

    private AssignmentGroups() {
    }

    /**
     * The groups an {@code assignmentGroup} filter value selects: null when it does not filter (absent or blank),
     * otherwise the set of group names an incident's group must be one of (empty: none matches). A value longer
     * than a group name can be is 400 naming the parameter.
     */
    public static Set<String> selected(String value, Set<String> callerGroups) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.trim();
        if (name.length() > MAX_NAME) {
            throw ApiProblem.invalidField("assignmentGroup",
                    "a group name has at most " + MAX_NAME + " characters (or mine: your groups)");
        }
        return MINE.equalsIgnoreCase(name) ? Set.copyOf(callerGroups) : Set.of(name);
    }
}
