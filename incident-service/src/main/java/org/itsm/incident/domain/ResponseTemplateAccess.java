package org.itsm.incident.domain;

import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.support.rest.ApiProblem;

/**
 * Who may see and change the response templates of an assignment group:
 * <ul>
 * <li>admins see and change every group's templates;</li>
 * <li>agents see the templates of the groups they belong to, and create, edit and delete them;</li>
 * <li>anyone else (requesters, managers without the agent role) neither sees nor changes any (the endpoints
 * answer 403);</li>
 * <li>a template of a group the caller does not see is answered as missing (404); creating one for, or moving one
 * to, a group the caller may not change is 403.</li>
 * </ul>
 */
public final class ResponseTemplateAccess {

    private ResponseTemplateAccess() {
    }

    /** Whether the roles see every group's templates. */
    public static boolean seesEveryGroup(Set<String> roles) {
        return roles.contains(Roles.ADMIN);
    }

    /** Whether someone with {@code roles} in {@code groups} sees the group's templates (and so may change them). */
    public static boolean sees(String group, Set<String> roles, Set<String> groups) {
        return seesEveryGroup(roles) || roles.contains(Roles.AGENT) && groups.contains(group);
    }

    /** Creating, editing and deleting: admins, or agents who belong to the group; anyone else 403. */
    public static void requireMayChange(String group, Set<String> roles, Set<String> groups) {
        if (!sees(group, roles, groups)) {
            throw ApiProblem.forbidden("Only members of the assignment group " + group
                    + " (agents) or admins may change its templates (field assignmentGroup)");
        }
    }
}
