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
import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.rest.RequestApi.CompleteTask;
import org.itsm.catalog.rest.RequestApi.Decision;
import org.itsm.catalog.rest.RequestApi.NewTask;
import org.itsm.catalog.rest.RequestApi.RequestView;
import org.itsm.catalog.rest.RequestApi.SubmitRequest;
import org.itsm.catalog.rest.RequestApi.TaskView;
import org.itsm.catalog.service.FulfilmentTasks;
import org.itsm.catalog.service.RequestApprovals;
import org.itsm.catalog.service.RequestFulfilment;
import org.itsm.catalog.service.RequestQueries;
import org.itsm.catalog.service.RequestSubmission;
import org.itsm.events.api.Roles;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service requests")
@SecurityRequirement(name = "keycloak")
public class RequestResource {

    private final RequestQueries requests;
    private final RequestSubmission submission;
    private final RequestApprovals approvals;
    private final RequestFulfilment fulfilment;
    private final FulfilmentTasks tasks;
    private final RequestMapper mapper;
    private final ResourceSupport support;

    public RequestResource(RequestQueries requests, RequestSubmission submission, RequestApprovals approvals,
            RequestFulfilment fulfilment, FulfilmentTasks tasks, RequestMapper mapper, ResourceSupport support) {
        this.requests = requests;
        this.submission = submission;
        this.approvals = approvals;
        this.fulfilment = fulfilment;
        this.tasks = tasks;
        this.mapper = mapper;
        this.support = support;
    }

    @POST
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Order a published item; fields are validated against its form (each invalid field named)",
            description = "An item with approval rule NONE is approved at once and gets its fulfilment task"
                    + " \"Fulfil <item name>\" for the item's fulfilment group; others await their approver")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "An earlier request with the same Idempotency-Key, replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> submit(@Valid @NotNull SubmitRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return submission.submit(request.toCommand(), support.actor(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/requests/" + created.record().id))
                        : Response.ok(), created.record()));
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "List requests (requesters see their own and those awaiting their approval)")
    public Uni<PageResult<RequestView>> list(@QueryParam("state") String state,
            @QueryParam("requester") String requester, @QueryParam("fulfilmentGroup") String fulfilmentGroup,
            @QueryParam("itemId") String itemId, @QueryParam("awaitingMe") String awaitingMe,
            @QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, RequestQueries.SORTABLE, "-submittedAt");
        return requests.list(new RequestQueries.Filter(QueryParams.enumValue("state", state, RequestState.class),
                requester, fulfilmentGroup, QueryParams.uuid("itemId", itemId),
                QueryParams.bool("awaitingMe", awaitingMe), text), pageRequest, support.actor())
                .map(result -> new PageResult<>(result.items().stream()
                        .map(request -> mapper.toView(request, support.actor().who())).toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/approvals")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The approvals inbox: requests awaiting the caller's decision (the requester's manager named"
            + " as approver, or a catalog manager for items with rule CATALOG_MANAGER), for any role that can approve")
    public Uni<PageResult<RequestView>> approvals(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, RequestQueries.SORTABLE, "submittedAt");
        return requests.awaitingDecision(pageRequest, support.actor())
                .map(result -> new PageResult<>(result.items().stream()
                        .map(request -> mapper.toView(request, support.actor().who())).toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Measures of request fulfilment: requests by state, mean fulfilment time against the"
            + " items' expected time, share fulfilled on time")
    public Uni<RequestFigures> summary() {
        return requests.figures();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return requests.get(id, support.actor()).map(request -> withETag(Response.ok(), request));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve: only the approver the item's rule names (the requester's manager, or a catalog"
            + " manager), or an admin; never the requester",
            description = "The approved request gets one fulfilment task, \"Fulfil <item name>\", for the item's"
                    + " fulfilment group (an item with rule NONE gets it on submission); see GET /requests/{id}/tasks")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid Decision decision) {
        return approvals.approve(id, ifMatch, decision == null ? null : decision.comment(), support.actor())
                .map(request -> withETag(Response.ok(), request));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Reject with a comment: same approver as approve")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid Decision decision) {
        return approvals.reject(id, ifMatch, decision == null ? null : decision.comment(), support.actor())
                .map(request -> withETag(Response.ok(), request));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Cancel before fulfilment (the requester or fulfilment staff)")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return fulfilment.cancel(id, ifMatch, support.actor()).map(request -> withETag(Response.ok(), request));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Close a fulfilled request (the requester or fulfilment staff)")
    @APIResponse(responseCode = "200", description = "The record as it now stands; ETag header", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return fulfilment.close(id, ifMatch, support.actor()).map(request -> withETag(Response.ok(), request));
    }

    @GET
    @Path("/{id}/tasks")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The request's fulfilment tasks: the one created on approval (\"Fulfil <item name>\", for"
            + " the item's fulfilment group) and those added since; each with the caller's allowedActions")
    public Uni<List<TaskView>> tasks(@PathParam("id") UUID id) {
        return requests.tasks(id, support.actor())
                .map(list -> list.stream().map(task -> mapper.toView(task, support.actor().who())).toList());
    }

    @POST
    @Path("/{id}/tasks")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Add a fulfilment task (defaults to the item's fulfilment group)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskView.class)))
    public Uni<Response> addTask(@PathParam("id") UUID id, @Valid @NotNull NewTask task) {
        return tasks.add(id, task.toCommand(), support.actor())
                .map(added -> Response.status(201).entity(mapper.toView(added, support.actor().who())).build());
    }

    @POST
    @Path("/{id}/tasks/{taskId}/start")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Take a task; the first started task puts the request in fulfilment")
    public Uni<TaskView> startTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        return tasks.start(id, taskId, support.actor())
                .map(task -> mapper.toView(task, support.actor().who()));
    }

    @POST
    @Path("/{id}/tasks/{taskId}/complete")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Complete a started task (an open one → 409 naming start); the last open one fulfils the"
            + " request")
    public Uni<TaskView> completeTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
            @Valid CompleteTask completion) {
        return tasks.complete(id, taskId, completion == null ? null : completion.notes(), support.actor())
                .map(task -> mapper.toView(task, support.actor().who()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return requests.history(id, support.actor());
    }

    private Response withETag(Response.ResponseBuilder response, ServiceRequest request) {
        return response.tag(ETags.entityTag(request.version)).entity(mapper.toView(request, support.actor().who()))
                .build();
    }
}
