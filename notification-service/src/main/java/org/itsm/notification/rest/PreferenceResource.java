package org.itsm.notification.rest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.notification.domain.Languages;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.domain.Preference;
import org.itsm.notification.service.Preferences;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The caller's own notification preferences: which kinds of mail they want and in which language. Everyone with a
 * platform role has them; nobody sees or changes another person's.
 */
@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences")
@SecurityRequirement(name = "keycloak")
public class PreferenceResource {

    /** What the caller chose: {@code language} ko or en (null: their account's), every kind with on/off. */
    public record PreferenceView(String language, Map<NotificationKind, Boolean> kinds) {

        static PreferenceView of(Preference preference) {
            return new PreferenceView(preference.language, preference.kinds());
        }
    }

    /**
     * A change: {@code language} ko or en, or null for the account's language; {@code kinds} switches the named kinds
     * on (true) or off (false), the others keep their setting.
     */
    public record PreferenceChange(String language, Map<String, Boolean> kinds) {
    }

    @Inject
    SecurityIdentity identity;

    private final Preferences preferences;

    public PreferenceResource(Preferences preferences) {
        this.preferences = preferences;
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "My notification preferences: each kind on or off, and my mail language")
    public Uni<PreferenceView> mine() {
        return preferences.show(identity.getPrincipal().getName()).map(PreferenceView::of);
    }

    @PUT
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change my notification preferences (language; kinds switched on or off by name)")
    public Uni<PreferenceView> change(PreferenceChange change) {
        if (change == null) {
            throw ApiProblem.badRequest("A body is required: {\"language\": \"ko\", \"kinds\": {\"INCIDENT_CLOSED\": false}}");
        }
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        if (change.language() != null && !Languages.SUPPORTED.contains(change.language())) {
            errors.add(new ProblemDetail.FieldError("language", "must be one of " + Languages.SUPPORTED + " or null"));
        }
        Map<NotificationKind, Boolean> switches = new EnumMap<>(NotificationKind.class);
        if (change.kinds() != null) {
            change.kinds().forEach((name, on) -> {
                NotificationKind kind = kindNamed(name);
                if (kind == null) {
                    errors.add(new ProblemDetail.FieldError("kinds." + name, "is not a kind of notification"));
                } else if (on == null) {
                    errors.add(new ProblemDetail.FieldError("kinds." + name, "must be true or false"));
                } else {
                    switches.put(kind, on);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return preferences.change(identity.getPrincipal().getName(), change.language(), switches)
                .map(PreferenceView::of);
    }

    private static NotificationKind kindNamed(String name) {
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
