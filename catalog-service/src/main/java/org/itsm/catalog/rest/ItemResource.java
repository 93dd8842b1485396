package org.itsm.catalog.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.rest.RequestApi.CreateItem;
import org.itsm.catalog.rest.RequestApi.ItemView;
import org.itsm.catalog.rest.RequestApi.UpdateItem;
import org.itsm.catalog.service.CatalogItems;
import org.itsm.events.api.Roles;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/catalog/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog items")
@SecurityRequirement(name = "keycloak")
public class ItemResource {

    private final CatalogItems items;
    private final RequestMapper mapper;
    private final ResourceSupport support;

    public ItemResource(CatalogItems items, RequestMapper mapper, ResourceSupport support) {
        this.items = items;
        this.mapper = mapper;
        this.support = support;
    }

    @POST
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Create an item (unpublished) with its form, approval rule and fulfilment group;"
            + " Idempotency-Key replays the first result")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "200", description = "An earlier request with the same Idempotency-Key, replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> create(@Valid @NotNull CreateItem request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return items.create(request.toCommand(), support.actor(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/catalog/items/" + created.record().id))
                        : Response.ok(), created.record()));
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Browse items (requesters see published ones): filter by category, published, text q")
    public Uni<PageResult<ItemView>> list(@QueryParam("category") String category,
            @QueryParam("published") String published, @QueryParam("q") String text, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, CatalogItems.SORTABLE, "name");
        return items.list(category, QueryParams.bool("published", published), text, pageRequest, support.actor())
                .map(result -> new PageResult<>(result.items().stream().map(mapper::toView).toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return items.get(id, support.actor()).map(item -> withETag(Response.ok(), item));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change an item; If-Match honoured")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateItem request) {
        return items.update(id, ifMatch, request.toCommand(), support.actor()).map(item -> withETag(Response.ok(), item));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Make the item orderable")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return items.publish(id, ifMatch, true, support.actor()).map(item -> withETag(Response.ok(), item));
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Stop new orders of the item (open requests go on)")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> unpublish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return items.publish(id, ifMatch, false, support.actor()).map(item -> withETag(Response.ok(), item));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return items.history(id, support.actor());
    }

    private Response withETag(Response.ResponseBuilder response, CatalogItem item) {
        return response.tag(ETags.entityTag(item.version)).entity(mapper.toView(item)).build();
    }
}
