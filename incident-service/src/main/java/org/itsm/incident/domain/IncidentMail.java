package org.itsm.incident.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.itsm.events.api.Roles;

/**
 * What incident-service accepts by mail (notification-service reads the desk mailbox and names the sender, their
 * roles from the identity provider, and the incident a reply answers):
 * <ul>
 * <li>a reply becomes a public comment only from the incident's caller or from staff who work incidents (agents,
 * admins) — the people who may comment through the API — and only while the incident takes comments (open or
 * resolved, {@link IncidentLifecycle#acceptsChanges}); the caller's reply then resumes an incident awaiting them
 * ({@link IncidentLifecycle#replyResumes});</li>
 * <li>a new mail opens an incident for a sender who may raise one through the API (requester, agent, admin), the
 * sender as its caller, the subject (without {@code Re:}/{@code Fwd:} prefixes, at most 160 characters, "(no
 * subject)" when empty) as its short description and the text (at most 4000 characters) as its description, at the
 * lowest impact and urgency until the desk triages it;</li>
 * <li>anything else is refused, with the reason.</li>
 * </ul>
 */
public final class IncidentMail {

    public static final int SHORT_DESCRIPTION_MAX = 160;
    public static final int TEXT_MAX = 4000;
    /** The impact and urgency of an incident opened by mail: the lowest, until the desk triages it. */
    public static final int IMPACT = 3;
    public static final int URGENCY = 3;
    public static final String NO_SUBJECT = "(no subject)";

    private static final Pattern REPLY_PREFIXES = Pattern.compile("^\\s*((re|fw|fwd|aw|wg|답장|전달)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private IncidentMail() {
    }

    /** Why a reply from someone with {@code roles} ({@code isCaller} of it) may not comment on the incident, if so. */
    public static Optional<String> refusalOfReply(String number, IncidentState state, Set<String> roles,
            boolean isCaller) {
        if (!isCaller && !IncidentAccess.works(roles)) {
            return Optional.of("Only the caller of " + number + " or the service desk may comment on it by mail");
        }
        if (!IncidentLifecycle.acceptsChanges(state)) {
            return Optional.of("Incident " + number + " is " + state + " and takes no comments; write a new mail");
        }
        return Optional.empty();
    }

    /** Why someone with {@code roles} may not open an incident by mail, if so. */
    public static Optional<String> refusalOfNew(Set<String> roles) {
        return roles.contains(Roles.REQUESTER) || roles.contains(Roles.AGENT) || roles.contains(Roles.ADMIN)
                ? Optional.empty()
                : Optional.of("The sender may not raise incidents");
    }

    public static String shortDescription(String subject) {
        String stripped = subject == null ? "" : REPLY_PREFIXES.matcher(subject).replaceFirst("").strip();
        return stripped.isEmpty() ? NO_SUBJECT : cut(stripped, SHORT_DESCRIPTION_MAX);
    }

    /** A comment's or description's text, cut to what the API takes. */
    public static String text(String text) {
        return text == null ? "" : cut(text.strip(), TEXT_MAX);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1).stripTrailing() + "…";
    }
}
