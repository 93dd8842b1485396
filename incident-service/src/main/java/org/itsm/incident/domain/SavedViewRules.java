package org.itsm.incident.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.api.Priority;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail.FieldError;

/**
 * The rules of saved queue views:
 * <ul>
 * <li>a view's filters are parameters of the incident list ({@link #FILTERS}), each with a value that filter
 * takes; an unknown key or a value the filter refuses is 400 naming {@code filters.<key>};</li>
 * <li>the owner (token subject) sees, changes and deletes their views; a view shared with one of the owner's
 * assignment groups is seen, read-only, by that group's members; anyone else is answered as if it did not exist
 * (404); a member changing a shared view is 403;</li>
 * <li>a view is shared with one of the owner's own groups only (400 naming {@code sharedWith}).</li>
 * </ul>
 */
public final class SavedViewRules {

    /** The list filters a view may keep (the parameters of {@code GET /api/v1/incidents} but paging). */
    public static final Set<String> FILTERS = Set.of("state", "priority", "assignmentGroup", "assignee",
            "serviceId", "caller", "major", "breached", "open", "slaAtRisk", "q", "sort");
    private static final Set<String> BOOLEANS = Set.of("major", "breached", "open", "slaAtRisk");
    private static final int MAX_VALUE = 200;

    private SavedViewRules() {
    }

    /** Refuses (400, each bad key as {@code filters.<key>}) filters the list does not know or would refuse. */
    public static void requireValidFilters(Map<String, String> filters, Set<String> sortable) {
        List<FieldError> errors = new ArrayList<>();
        filters.forEach((key, value) -> {
            String problem = problem(key, value, sortable);
            if (problem != null) {
                errors.add(new FieldError("filters." + key, problem));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
    }

    private static String problem(String key, String value, Set<String> sortable) {
        if (!FILTERS.contains(key)) {
            return "not a list filter; known: " + String.join(", ", FILTERS.stream().sorted().toList());
        }
        if (value == null || value.isBlank()) {
            return "must not be blank";
        }
        if (value.length() > MAX_VALUE) {
            return "at most " + MAX_VALUE + " characters";
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (key.equals("state") && !names(IncidentState.values()).contains(upper)) {
            return "'" + value + "' is not one of " + String.join(", ", names(IncidentState.values()));
        }
        if (key.equals("priority") && !names(Priority.values()).contains(upper)) {
            return "'" + value + "' is not one of " + String.join(", ", names(Priority.values()));
        }
        if (BOOLEANS.contains(key) && !upper.equals("TRUE") && !upper.equals("FALSE")) {
            return "'" + value + "' is not true or false";
        }
        if (key.equals("serviceId") && !isUuid(value.trim())) {
            return "'" + value + "' is not a UUID";
        }
        if (key.equals("assignmentGroup") && value.trim().length() > AssignmentGroups.MAX_NAME) {
            return "a group name has at most " + AssignmentGroups.MAX_NAME + " characters";
        }
        if (key.equals("sort")) {
            for (String part : value.split(",")) {
                String field = part.trim().replaceFirst("^[-+]", "");
                if (!sortable.contains(field)) {
                    return "cannot sort by '" + field + "'; sortable: " + String.join(", ", sortable.stream().sorted().toList());
                }
            }
        }
        return null;
    }

    /** Refuses (400) sharing with a group the owner does not belong to; null (private) is always fine. */
    public static void requireSharable(String group, Set<String> ownerGroups) {
        if (group != null && !ownerGroups.contains(group)) {
            throw ApiProblem.invalidField("sharedWith", "'" + group + "' is not one of your assignment groups");
        }
    }

    /** Whether the caller (token subject and groups) sees the view: they own it, or it is shared with their group. */
    public static boolean sees(SavedView view, String subject, Set<String> groups) {
        return owns(view, subject) || view.sharedWith != null && groups.contains(view.sharedWith);
    }

    public static boolean owns(SavedView view, String subject) {
        return view.owner.equals(subject);
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
