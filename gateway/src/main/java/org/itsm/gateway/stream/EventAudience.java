package org.itsm.gateway.stream;

import java.util.Set;

import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;

/**
 * Who may see which platform event on the live stream. Roles add up: a caller sees what any of their roles shows.
 * A requester sees only events of their own records: incidents they are the caller of, changes and service requests
 * they requested — and of an incident, never the mentions in its work notes (internal, like the notes).
 */
public final class EventAudience {

    private static final Set<String> WATCHING_ROLES = Set.copyOf(Roles.ALL);

    /** Service-request events share the catalog topic with service, offering and item events. */
    private static final String SERVICE_REQUEST_TYPE_PREFIX = "itsm.catalog.request-";

    /** The payload fields naming the user a record belongs to: incidents name the caller, changes and requests the requester. */
    private static final Set<String> OWNER_FIELDS = Set.of("caller", "requester");

    private EventAudience() {
    }

    /** The subscriber: the token's {@code preferred_username} and realm roles. */
    public record Viewer(String username, Set<String> roles) {

        public Viewer {
            roles = Set.copyOf(roles);
        }

        boolean has(String role) {
            return roles.contains(role);
        }
    }

    /** Whether the caller holds a role that shows any events; others are refused the stream. */
    public static boolean mayWatch(Viewer viewer) {
        return viewer.roles().stream().anyMatch(WATCHING_ROLES::contains);
    }

    public static boolean sees(Viewer viewer, PlatformEvent event) {
        if (viewer.has(Roles.ADMIN)) {
            return true;
        }
        boolean serviceRequest = event.type() != null && event.type().startsWith(SERVICE_REQUEST_TYPE_PREFIX);
        return switch (event.topic()) {
            case Topics.INCIDENT -> viewer.has(Roles.AGENT) || viewer.has(Roles.PROBLEM_MANAGER)
                    || viewer.has(Roles.REQUESTER) && owns(viewer, event) && !workNoteMention(event);
            case Topics.CHANGE -> viewer.has(Roles.CHANGE_MANAGER) || viewer.has(Roles.CAB_MEMBER)
                    || viewer.has(Roles.REQUESTER) && owns(viewer, event);
            case Topics.PROBLEM -> viewer.has(Roles.PROBLEM_MANAGER);
            case Topics.CATALOG -> viewer.has(Roles.CATALOG_MANAGER)
                    || serviceRequest && (viewer.has(Roles.AGENT) || viewer.has(Roles.REQUESTER) && owns(viewer, event));
            default -> false;
        };
    }

    private static boolean workNoteMention(PlatformEvent event) {
        return EventTypes.INCIDENT_MENTIONED.equals(event.type()) && !Boolean.FALSE.equals(event.data().getValue("workNote"));
    }

    private static boolean owns(Viewer viewer, PlatformEvent event) {
        return viewer.username() != null
                && OWNER_FIELDS.stream().anyMatch(field -> viewer.username().equals(event.dataField(field)));
    }
}
