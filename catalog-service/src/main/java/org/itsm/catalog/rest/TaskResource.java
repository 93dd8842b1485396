package org.itsm.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.catalog.domain.TaskState;
import org.itsm.catalog.rest.RequestApi.QueuedTaskView;
import org.itsm.catalog.service.RequestQueries;
import org.itsm.events.api.Roles;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.smallrye.mutiny.Uni;

/** The fulfilment tasks of all requests, for the agents' task queue: one call instead of one per request. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service requests")
@SecurityRequirement(name = "keycloak")
public class TaskResource {

    private final RequestQueries requests;
    private final RequestMapper mapper;
    private final ResourceSupport support;

    public TaskResource(RequestQueries requests, RequestMapper mapper, ResourceSupport support) {
        this.requests = requests;
        this.mapper = mapper;
        this.support = support;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Fulfilment tasks across requests, each with its request's number,"
            + " item and requester; the agents' queue is e.g. open=true&assignee=none")
    public Uni<PageResult<QueuedTaskView>> list(@QueryParam("state") String state,
            @Parameter(description = "true: Open or In Progress tasks; false: Done or Cancelled")
            @QueryParam("open") String open,
            @QueryParam("assignmentGroup") String assignmentGroup,
            @Parameter(description = "A user name; me: the caller; none: tasks nobody has taken")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "The request's id or number (REQ…)") @QueryParam("request") String request,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @Parameter(description = "createdAt (default), state, number, dueAt (the request's); - for descending")
            @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, RequestQueries.TASK_SORTABLE, "createdAt");
        return requests.taskList(new RequestQueries.TaskFilter(QueryParams.enumValue("state", state, TaskState.class),
                QueryParams.bool("open", open), assignmentGroup, assignee, request), pageRequest, support.actor())
                .map(result -> new PageResult<>(result.items().stream()
                        .map(task -> mapper.toView(task, support.actor().who())).toList(), result.page(),
                        result.size(), result.total()));
    }
}
