package org.itsm.change.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.itsm.change.rest.ChangeApi.NewTemplate;
import org.itsm.change.rest.ChangeApi.TemplateView;
import org.itsm.change.service.Actor;
import org.itsm.change.service.TemplateService;
import org.itsm.events.api.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/changes/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Standard change templates")
@SecurityRequirement(name = "keycloak")
public class TemplateResource {

    private final TemplateService templates;
    private final ChangeMapper mapper;
    private final SecurityIdentity identity;

    public TemplateResource(TemplateService templates, ChangeMapper mapper, SecurityIdentity identity) {
        this.templates = templates;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Active standard change templates")
    public Uni<List<TemplateView>> list() {
        return templates.list().map(list -> list.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{templateId}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<TemplateView> get(@PathParam("templateId") UUID id) {
        return templates.get(id).map(mapper::toView);
    }

    @POST
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Define a pre-approved standard change; changes raised from it skip CAB")
    @APIResponse(responseCode = "201", description = "The template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    public Uni<Response> create(@Valid @NotNull NewTemplate request) {
        return templates.create(ChangeRequests.command(request), new Actor(identity.getPrincipal().getName(), identity.getRoles()))
                .map(template -> Response.created(URI.create("/api/v1/changes/templates/" + template.id))
                        .entity(mapper.toView(template)).build());
    }
}
