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
import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.ServiceType;
import org.itsm.catalog.rest.CatalogApi.CreateOffering;
import org.itsm.catalog.rest.CatalogApi.CreateService;
import org.itsm.catalog.rest.CatalogApi.ImpactView;
import org.itsm.catalog.rest.CatalogApi.OfferingView;
import org.itsm.catalog.rest.CatalogApi.ServiceView;
import org.itsm.catalog.rest.CatalogApi.UpdateOffering;
import org.itsm.catalog.rest.CatalogApi.UpdateService;
import org.itsm.catalog.service.CatalogQueries;
import org.itsm.catalog.service.ServiceOfferings;
import org.itsm.catalog.service.ServicePortfolio;
import org.itsm.events.api.Roles;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/catalog/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services and offerings")
@SecurityRequirement(name = "keycloak")
public class ServiceResource {

    private final ServicePortfolio portfolio;
    private final ServiceOfferings offerings;
    private final CatalogQueries queries;
    private final CatalogMapper mapper;
    private final ResourceSupport support;

    public ServiceResource(ServicePortfolio portfolio, ServiceOfferings offerings, CatalogQueries queries,
            CatalogMapper mapper, ResourceSupport support) {
        this.portfolio = portfolio;
        this.offerings = offerings;
        this.queries = queries;
        this.mapper = mapper;
        this.support = support;
    }

    @POST
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Create a service (starts in PIPELINE); Idempotency-Key replays the first result")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "200", description = "An earlier request with the same Idempotency-Key, replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public Uni<Response> create(@Valid @NotNull CreateService request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return portfolio.register(request.toCommand(), support.actor(), idempotencyKey)
                .flatMap(created -> withDetail(created.isNew()
                        ? Response.created(URI.create("/api/v1/catalog/services/" + created.record().id))
                        : Response.ok(), created.record()));
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "List services: filter by lifecycle, type, criticality, supportGroup, text q")
    public Uni<PageResult<ServiceView>> list(@QueryParam("lifecycle") String lifecycle,
            @QueryParam("type") String type, @QueryParam("criticality") String criticality,
            @QueryParam("supportGroup") String supportGroup, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, CatalogQueries.SORTABLE, "number");
        return queries.list(new CatalogQueries.Filter(QueryParams.enumValue("lifecycle", lifecycle, Lifecycle.class),
                QueryParams.enumValue("type", type, ServiceType.class),
                QueryParams.enumValue("criticality", criticality, Criticality.class), supportGroup, text), pageRequest)
                .map(result -> new PageResult<>(result.items().stream()
                        .map(service -> mapper.toListView(service, support.actor().who())).toList(),
                        result.page(), result.size(), result.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "A service with its planned changes and rejected change updates")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.detail(id).map(detail -> Response.ok(mapper.toView(detail, support.actor().who()))
                .tag(ETags.entityTag(detail.service().version)).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change fields; If-Match with the ETag refuses stale updates (412)")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateService request) {
        return portfolio.edit(id, ifMatch, request.toCommand(), support.actor())
                .flatMap(service -> withDetail(Response.ok(), service));
    }

    @POST
    @Path("/{id}/go-live")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Move a service from PIPELINE to LIVE")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public Uni<Response> goLive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return portfolio.move(id, ifMatch, "go-live", support.actor())
                .flatMap(service -> withDetail(Response.ok(), service));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Retire a service (final)")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public Uni<Response> retire(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return portfolio.move(id, ifMatch, "retire", support.actor())
                .flatMap(service -> withDetail(Response.ok(), service));
    }

    @GET
    @Path("/{id}/impact")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The services that depend on this one, transitively, nearest first")
    public Uni<List<ImpactView>> impact(@PathParam("id") UUID id) {
        return queries.impact(id).map(impacts -> impacts.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Who changed what and when; changes applied by a change name it as the actor")
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return queries.history(id);
    }

    @POST
    @Path("/{id}/offerings")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Add an offering with SLA targets, business hours and windows;"
            + " Idempotency-Key replays the first result")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "200", description = "An earlier request with the same Idempotency-Key, replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferingView.class)))
    public Uni<Response> createOffering(@PathParam("id") UUID id, @Valid @NotNull CreateOffering request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return offerings.add(id, request.toCommand(), support.actor(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/catalog/services/" + id + "/offerings/"
                                + created.record().id))
                        : Response.ok(), created.record()));
    }

    @GET
    @Path("/{id}/offerings")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<List<OfferingView>> offerings(@PathParam("id") UUID id) {
        return queries.offerings(id).map(list -> list.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{id}/offerings/{offeringId}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferingView.class)))
    public Uni<Response> offering(@PathParam("id") UUID id, @PathParam("offeringId") UUID offeringId) {
        return queries.offering(id, offeringId).map(offering -> withETag(Response.ok(), offering));
    }

    @PATCH
    @Path("/{id}/offerings/{offeringId}")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change an offering; lists given replace the stored ones; If-Match honoured")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferingView.class)))
    public Uni<Response> updateOffering(@PathParam("id") UUID id, @PathParam("offeringId") UUID offeringId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull UpdateOffering request) {
        return offerings.edit(id, offeringId, ifMatch, request.toCommand(), support.actor())
                .map(offering -> withETag(Response.ok(), offering));
    }

    @POST
    @Path("/{id}/offerings/{offeringId}/retire")
    @RolesAllowed({ Roles.CATALOG_MANAGER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferingView.class)))
    public Uni<Response> retireOffering(@PathParam("id") UUID id, @PathParam("offeringId") UUID offeringId,
            @HeaderParam("If-Match") String ifMatch) {
        return offerings.retire(id, offeringId, ifMatch, support.actor())
                .map(offering -> withETag(Response.ok(), offering));
    }

    @GET
    @Path("/{id}/offerings/{offeringId}/history")
    @RolesAllowed({ Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<List<HistoryEntry>> offeringHistory(@PathParam("id") UUID id, @PathParam("offeringId") UUID offeringId) {
        return queries.offeringHistory(id, offeringId);
    }

    private Uni<Response> withDetail(Response.ResponseBuilder response, ItService service) {
        return queries.detail(service.id).map(detail -> response.tag(ETags.entityTag(detail.service().version))
                .entity(mapper.toView(detail, support.actor().who())).build());
    }

    private Response withETag(Response.ResponseBuilder response, ServiceOffering offering) {
        return response.tag(ETags.entityTag(offering.version)).entity(mapper.toView(offering)).build();
    }
}
