package org.itsm.notification.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.itsm.events.api.Roles;

/**
 * Who hears of an {@code @mention}: each person named, except the author, once (a mail of kind
 * {@link NotificationKind#INCIDENT_MENTIONED}) — and only if they may see what mentions them: staff (agents, admins,
 * problem and change managers) every incident and its work notes; a requester only the public comments of incidents
 * they raised. Who someone is (their roles) is asked of the directory when the mail is about to be sent.
 */
public final class MentionRules {

    private MentionRules() {
    }

    /** The people to tell: those mentioned, without the author, each once. */
    public static List<String> recipients(List<String> mentioned, String author) {
        if (mentioned == null) {
            return List.of();
        }
        return mentioned.stream().filter(Objects::nonNull).map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> author == null || !name.equalsIgnoreCase(author))
                .distinct().toList();
    }

    /** Whether {@code username} with {@code roles} may see a comment (or a work note) of the incident of {@code caller}. */
    public static boolean maySee(String username, List<String> roles, String caller, boolean workNote) {
        boolean staff = roles.contains(Roles.AGENT) || roles.contains(Roles.ADMIN)
                || roles.contains(Roles.PROBLEM_MANAGER) || roles.contains(Roles.CHANGE_MANAGER);
        if (staff) {
            return true;
        }
        return !workNote && caller != null && caller.equalsIgnoreCase(username) && roles.contains(Roles.REQUESTER);
    }
}
