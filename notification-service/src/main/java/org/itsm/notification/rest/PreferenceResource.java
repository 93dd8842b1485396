package org.itsm.notification.rest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.notification.domain.DeliveryMode;
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

    /**
     * What the caller chose: {@code language} ko or en (null: their account's), every kind with on/off, and every
     * kind with its delivery: {@code immediate} or {@code daily} (in the daily digest).
     */
    public record PreferenceView(String language, Map<NotificationKind, Boolean> kinds,
            @Schema(description = "Each kind's delivery: immediate, or daily (in one digest mail a day)")
            Map<NotificationKind, String> delivery) {

        static PreferenceView of(Preference preference) {
            Map<NotificationKind, String> delivery = new LinkedHashMap<>();
            preference.modes().forEach((kind, mode) -> delivery.put(kind, mode.value()));
            return new PreferenceView(preference.language, preference.kinds(), delivery);
        }
    }

    /**
     * A change: {@code language} ko or en, or null for the account's language; {@code kinds} switches the named kinds
     * on (true) or off (false); {@code delivery} sets the named kinds to {@code immediate} or {@code daily}; the
     * others keep their setting.
     */
    public record PreferenceChange(String language, Map<String, Boolean> kinds,
            @Schema(description = "Kinds to deliver immediate or daily (in one digest mail a day); others unchanged")
            Map<String, String> delivery) {
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
    @Operation(summary = "Change my notification preferences (language; kinds switched on or off, immediate or daily)")
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
        Map<NotificationKind, DeliveryMode> modes = new EnumMap<>(NotificationKind.class);
        if (change.delivery() != null) {
            change.delivery().forEach((name, value) -> {
                NotificationKind kind = kindNamed(name);
                DeliveryMode mode = DeliveryMode.of(value);
                if (kind == null) {
                    errors.add(new ProblemDetail.FieldError("delivery." + name, "is not a kind of notification"));
                } else if (mode == null) {
                    errors.add(new ProblemDetail.FieldError("delivery." + name, "must be immediate or daily"));
                } else {
                    modes.put(kind, mode);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return preferences.change(identity.getPrincipal().getName(), change.language(), switches, modes)
                .map(PreferenceView::of);
    }

    private static NotificationKind kindNamed(String name) {
        for (NotificationKind kind : NotificationKind.selectable()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
