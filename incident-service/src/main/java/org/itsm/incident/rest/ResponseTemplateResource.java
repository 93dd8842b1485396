package org.itsm.incident.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.incident.domain.AssignmentGroups;
import org.itsm.incident.domain.ResponseTemplate;
import org.itsm.incident.service.ResponseTemplates;
import org.itsm.incident.service.ResponseTemplates.TemplateContent;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/response-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Response templates")
@SecurityRequirement(name = "keycloak")
public class ResponseTemplateResource {

    @Schema(description = "A response template of an assignment group. The console fills the placeholders {{caller}},"
            + " {{number}} and {{agent}} when an agent inserts it into a comment or work note.")
    public record TemplateRequest(
            @NotBlank @Size(max = 80) @Schema(example = "Password reset done") String name,
            @NotBlank @Size(max = AssignmentGroups.MAX_NAME) @Schema(example = "service-desk") String assignmentGroup,
            @NotBlank @Size(max = 4000) @Schema(example = "Hello {{caller}}, your password was reset ({{number}}). {{agent}}")
            String body,
            @Pattern(regexp = "ko|en") @Schema(description = "ko, en, or absent for any language") String language) {

        TemplateContent toContent() {
            return new TemplateContent(name.trim(), assignmentGroup.trim(), body, language);
        }
    }

    @Schema(description = "A response template as stored")
    public record TemplateView(UUID id, long version, String name, String assignmentGroup, String body,
            @Schema(description = "ko, en, or absent for any language") String language, String createdBy,
            Instant createdAt, String updatedBy, Instant updatedAt) {

        static TemplateView of(ResponseTemplate template) {
            return new TemplateView(template.id, template.version, template.name, template.assignmentGroup,
                    template.body, template.language, template.createdBy, template.createdAt, template.updatedBy,
                    template.updatedAt);
        }
    }

    private final ResponseTemplates templates;
    private final CurrentActor actor;

    public ResponseTemplateResource(ResponseTemplates templates, CurrentActor actor) {
        this.templates = templates;
        this.actor = actor;
    }

    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @GET
    @Operation(summary = "The templates of the caller's assignment groups"
            + " (admins: of every group), by group and name")
    @APIResponse(responseCode = "200", description = "The templates", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView[].class)))
    public Uni<List<TemplateView>> list(
            @Parameter(description = "Only this group's templates") @QueryParam("assignmentGroup") String group,
            @Parameter(description = "ko or en: the templates in that language and those without one")
            @QueryParam("language") String language) {
        return templates.list(blankToNull(group), language(language), actor.get())
                .map(list -> list.stream().map(TemplateView::of).toList());
    }

    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @GET
    @Path("/{id}")
    @Operation(summary = "One template, with its ETag")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return templates.get(id, actor.get()).map(template -> withETag(Response.ok(), template));
    }

    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @POST
    @Operation(summary = "Create a template for one of the caller's groups"
            + " (admins: any group); a name already used in the group is 409")
    @APIResponse(responseCode = "201", description = "The template created (Location, ETag)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    public Uni<Response> create(@Valid @NotNull TemplateRequest request) {
        return templates.create(request.toContent(), actor.get()).map(template -> withETag(
                Response.created(URI.create("/api/v1/response-templates/" + template.id)), template));
    }

    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a template; If-Match with its ETag"
            + " refuses a stale change (412)")
    @APIResponse(responseCode = "200", description = "The template as changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TemplateRequest request) {
        return templates.replace(id, ifMatch, request.toContent(), actor.get())
                .map(template -> withETag(Response.ok(), template));
    }

    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a template; If-Match with its ETag refuses"
            + " a stale delete (412)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return templates.delete(id, ifMatch, actor.get()).map(ignored -> Response.noContent().build());
    }

    private static Response withETag(Response.ResponseBuilder response, ResponseTemplate template) {
        return response.tag(ETags.entityTag(template.version)).entity(TemplateView.of(template)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String language(String value) {
        String language = blankToNull(value);
        if (language != null && !language.equals("ko") && !language.equals("en")) {
            throw ApiProblem.invalidField("language", "'" + value + "' is not ko or en");
        }
        return language;
    }
}
