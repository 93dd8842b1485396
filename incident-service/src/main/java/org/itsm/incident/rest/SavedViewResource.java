package org.itsm.incident.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.incident.domain.AssignmentGroups;
import org.itsm.incident.domain.SavedView;
import org.itsm.incident.service.SavedViews;
import org.itsm.incident.service.SavedViews.ViewContent;
import org.itsm.support.rest.ETags;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/saved-views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Saved views")
@SecurityRequirement(name = "keycloak")
public class SavedViewResource {

    @Schema(description = "A saved queue view: a name and incident list filters, private or shared with one of the"
            + " owner's assignment groups")
    public record ViewRequest(
            @NotBlank @Size(max = 60) @Schema(example = "P1 of my groups") String name,
            @NotNull @Schema(description = "Parameters of GET /api/v1/incidents (state, priority, assignmentGroup,"
                    + " assignee, serviceId, caller, major, breached, open, slaAtRisk, q, sort) and their values",
                    example = "{\"assignmentGroup\": \"mine\", \"open\": \"true\", \"priority\": \"P1\"}")
            Map<String, String> filters,
            @Size(max = AssignmentGroups.MAX_NAME) @Schema(description = "One of the owner's assignment groups, whose"
                    + " members then see the view read-only; absent: private", example = "service-desk")
            String sharedWith) {

        ViewContent toContent() {
            return new ViewContent(name.trim(), filters,
                    sharedWith == null || sharedWith.isBlank() ? null : sharedWith.trim());
        }
    }

    @Schema(description = "A saved queue view")
    public record ViewView(UUID id, long version, String name, Map<String, String> filters,
            @Schema(description = "The group it is shared with; absent: private") String sharedWith,
            @Schema(description = "The owner's user name") String owner,
            @Schema(description = "Whether the caller owns it (otherwise it is shared with them, read-only)") boolean mine,
            Instant createdAt, Instant updatedAt) {
    }

    private final SavedViews views;
    private final CurrentActor actor;

    public SavedViewResource(SavedViews views, CurrentActor actor) {
        this.views = views;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "The caller's saved views and those shared with their assignment groups, by name")
    @APIResponse(responseCode = "200", description = "The views", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewView[].class)))
    public Uni<List<ViewView>> list() {
        String subject = actor.subject();
        return views.list(subject, actor.get()).map(list -> list.stream().map(view -> view(view, subject)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "One saved view (the caller's, or shared with their group), with its ETag")
    @APIResponse(responseCode = "200", description = "The view", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        String subject = actor.subject();
        return views.get(id, subject, actor.get()).map(view -> withETag(Response.ok(), view, subject));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Save a view; unknown filters or values a filter refuses are 400 naming filters.<key>; a"
            + " name the caller already uses is 409")
    @APIResponse(responseCode = "201", description = "The view saved (Location, ETag)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewView.class)))
    public Uni<Response> create(@Valid @NotNull ViewRequest request) {
        String subject = actor.subject();
        return views.create(request.toContent(), subject, actor.get()).map(view -> withETag(
                Response.created(URI.create("/api/v1/saved-views/" + view.id)), view, subject));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Replace one of the caller's views; If-Match with its ETag refuses a stale change (412)")
    @APIResponse(responseCode = "200", description = "The view as changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewView.class)))
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ViewRequest request) {
        String subject = actor.subject();
        return views.replace(id, ifMatch, request.toContent(), subject, actor.get())
                .map(view -> withETag(Response.ok(), view, subject));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Delete one of the caller's views; If-Match with its ETag refuses a stale delete (412)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return views.delete(id, ifMatch, actor.subject(), actor.get()).map(ignored -> Response.noContent().build());
    }

    private static ViewView view(SavedView view, String subject) {
        return new ViewView(view.id, view.version, view.name, view.filters, view.sharedWith, view.ownerName,
                view.owner.equals(subject), view.createdAt, view.updatedAt);
    }

    private static Response withETag(Response.ResponseBuilder response, SavedView view, String subject) {
        return response.tag(ETags.entityTag(view.version)).entity(view(view, subject)).build();
    }
}
