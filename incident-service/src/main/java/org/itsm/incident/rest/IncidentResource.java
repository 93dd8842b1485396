package org.itsm.incident.rest;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.incident.domain.AssignmentGroups;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentState;
import org.itsm.events.api.Priority;
import org.itsm.incident.rest.IncidentApi.Assign;
import org.itsm.incident.rest.IncidentApi.CommentView;
import org.itsm.incident.rest.IncidentApi.CreateIncident;
import org.itsm.incident.rest.IncidentApi.Hold;
import org.itsm.incident.rest.IncidentApi.IncidentView;
import org.itsm.incident.rest.IncidentApi.MyGroups;
import org.itsm.incident.rest.IncidentApi.NewComment;
import org.itsm.incident.rest.IncidentApi.NextMove;
import org.itsm.incident.rest.IncidentApi.NextStates;
import org.itsm.incident.rest.IncidentApi.Reason;
import org.itsm.incident.rest.IncidentApi.Resolve;
import org.itsm.incident.domain.IncidentFigures;
import org.itsm.incident.rest.IncidentApi.UpdateIncident;
import org.itsm.incident.service.Actor;
import org.itsm.incident.service.IncidentQueries;
import org.itsm.incident.service.HoldsAndComments;
import org.itsm.incident.service.IncidentEditing;
import org.itsm.incident.service.IncidentMoves;
import org.itsm.incident.service.IncidentRegistration;
import org.itsm.incident.service.VisibleIncidents;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;
import org.itsm.events.api.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@SecurityRequirement(name = "keycloak")
public class IncidentResource {

    private final IncidentRegistration registration;
    private final IncidentEditing editing;
    private final IncidentMoves moves;
    private final HoldsAndComments holdsAndComments;
    private final VisibleIncidents visible;
    private final IncidentQueries queries;
    private final IncidentMapper mapper;
    private final CurrentActor currentActor;

    public IncidentResource(IncidentRegistration registration, IncidentEditing editing, IncidentMoves moves,
            HoldsAndComments holdsAndComments, VisibleIncidents visible, IncidentQueries queries,
            IncidentMapper mapper, CurrentActor currentActor) {
        this.registration = registration;
        this.editing = editing;
        this.moves = moves;
        this.holdsAndComments = holdsAndComments;
        this.visible = visible;
        this.queries = queries;
        this.mapper = mapper;
        this.currentActor = currentActor;
    }

    @POST
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Raise an incident (or add a repeated report to the open incident of its correlation key)")
    @APIResponse(responseCode = "201", description = "The incident raised (Location, ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "200", description = "The open incident of the correlation key, with the repeated report counted (or the first result of a retried Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> create(@Valid @NotNull CreateIncident request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return registration.create(request.toCommand(), actor(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/incidents/" + created.incident().id))
                        : Response.ok(), created.incident()));
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "List incidents (requesters see their own)", description = "Filters combine (all must"
            + " hold); the agents' queues are e.g. unassigned (assignee=none&open=true), breaching soon"
            + " (slaAtRisk=true&sort=slaDue), my groups (assignmentGroup=mine&open=true). A value a filter does not"
            + " accept is 400 naming the parameter.")
    public Uni<PageResult<IncidentView>> list(@QueryParam("state") String state,
            @QueryParam("priority") String priority,
            @Parameter(description = "A group's name; mine: the groups of the caller (the assignment_groups claim of"
                    + " the token; none: an empty list)") @QueryParam("assignmentGroup") String assignmentGroup,
            @Parameter(description = "The assignee's user name; none: incidents nobody is assigned to")
            @QueryParam("assignee") String assignee, @QueryParam("serviceId") String serviceId,
            @QueryParam("caller") String caller, @QueryParam("major") String major,
            @QueryParam("breached") String breached,
            @Parameter(description = "true: open incidents (NEW, IN_PROGRESS, ON_HOLD); false: the others"
                    + " (RESOLVED, CLOSED, CANCELLED)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("open") String open,
            @Parameter(description = "true: an SLA clock still running carries an AT_RISK or BREACHED mark (the"
                    + " response clock until the response, the resolution clock while the incident is open, paused"
                    + " or not); false: none does", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("slaAtRisk") String slaAtRisk,
            @QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @Parameter(description = "Comma-separated fields, '-' for descending: number, createdAt, updatedAt"
                    + " (default -updatedAt), priority, state, slaDue (earliest resolution due first; incidents whose"
                    + " resolution clock is paused or stopped last)")
            @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, IncidentQueries.SORTABLE, "-updatedAt");
        Actor actor = actor();
        return queries.list(new IncidentQueries.Filter(QueryParams.enumValue("state", state, IncidentState.class),
                QueryParams.enumValue("priority", priority, Priority.class),
                AssignmentGroups.selected(assignmentGroup, actor.groups()), assignee,
                QueryParams.uuid("serviceId", serviceId), caller, QueryParams.bool("major", major),
                QueryParams.bool("breached", breached), text, QueryParams.bool("open", open),
                QueryParams.bool("slaAtRisk", slaAtRisk)), pageRequest, actor)
                .map(result -> new PageResult<>(result.items().stream().map(mapper::toView).toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/assignment-groups")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "The assignment groups the caller belongs to (the assignment_groups claim of their token),"
            + " what assignmentGroup=mine selects")
    public MyGroups assignmentGroups() {
        return new MyGroups(actor().groups().stream().sorted().toList());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Measures of incident management: backlog by priority, MTTR, SLA compliance")
    public Uni<IncidentFigures> summary() {
        return queries.figures();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "One incident (requesters: their own), with its ETag")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return visible.get(id, actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Change fields; If-Match with the ETag refuses stale updates (412)")
    @APIResponse(responseCode = "200", description = "The incident as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateIncident request) {
        return editing.update(id, ifMatch, request.toCommand(), actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Assign to a group, an assignee or both")
    @APIResponse(responseCode = "200", description = "The incident as assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Assign request) {
        return editing.assign(id, ifMatch, request.toCommand(), actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @GET
    @Path("/{id}/next-states")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "The moves the caller may make now (by state, role and whether they are the incident's"
            + " caller), where each leads and the body fields it requires")
    public Uni<NextStates> nextStates(@PathParam("id") UUID id) {
        Actor actor = actor();
        return visible.get(id, actor).map(incident -> new NextStates(incident.state,
                moves.allowedMoves(incident, actor).stream()
                        .map(move -> new NextMove(move.move().action(), move.target(), move.requires(),
                                move.optional(), move.condition()))
                        .toList()));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Start work (stops the response clock)")
    @APIResponse(responseCode = "200", description = "The incident after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.start(id, ifMatch, actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/hold")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Put on hold (holdReason; AWAITING_CALLER pauses the SLA clocks and needs a comment)")
    @APIResponse(responseCode = "200", description = "The incident after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> hold(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Hold request) {
        return holdsAndComments.hold(id, ifMatch, request.toCommand(), actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Resume work after a hold")
    @APIResponse(responseCode = "200", description = "The incident after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return holdsAndComments.resume(id, ifMatch, actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Resolve; resolutionCode and resolutionNotes are required; open child incidents follow")
    @APIResponse(responseCode = "200", description = "The resolved incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> resolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Resolve request) {
        return moves.resolve(id, ifMatch, request.toCommand(), actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Reopen a resolved incident within the reopen period; a reason is required (agents, admins,"
            + " or the incident's caller)")
    @APIResponse(responseCode = "200", description = "The reopened incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> reopen(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason request) {
        return moves.reopen(id, ifMatch, request.reason(), actor())
                .map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Close a resolved incident")
    @APIResponse(responseCode = "200", description = "The incident after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.close(id, ifMatch, actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Cancel an open incident; a reason is required")
    @APIResponse(responseCode = "200", description = "The cancelled incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason request) {
        return moves.cancel(id, ifMatch, request.reason(), actor())
                .map(incident -> withETag(Response.ok(), incident));
    }

    @POST
    @Path("/correlation/{key}/resolve")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Monitoring: resolve the open incident of a correlation key when the alert clears")
    @APIResponse(responseCode = "200", description = "The resolved incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> resolveByCorrelation(@PathParam("key") String key, @Valid @NotNull Resolve request) {
        return moves.resolveByCorrelation(key, request.toCommand(), actor()).map(incident -> withETag(Response.ok(), incident));
    }

    @GET
    @Path("/{id}/comments")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Public comments, oldest first")
    public Uni<List<CommentView>> comments(@PathParam("id") UUID id) {
        return holdsAndComments.comments(id, false, actor()).map(list -> list.stream().map(mapper::toView).toList());
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Public comment; the caller's reply resumes an incident awaiting the caller")
    @APIResponse(responseCode = "201", description = "The comment added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    public Uni<Response> comment(@PathParam("id") UUID id, @Valid @NotNull NewComment request) {
        return holdsAndComments.comment(id, request.body(), false, actor())
                .map(comment -> Response.status(201).entity(mapper.toView(comment)).build());
    }

    @GET
    @Path("/{id}/work-notes")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Internal work notes (staff only)")
    public Uni<List<CommentView>> workNotes(@PathParam("id") UUID id) {
        return holdsAndComments.comments(id, true, actor()).map(list -> list.stream().map(mapper::toView).toList());
    }

    @POST
    @Path("/{id}/work-notes")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Internal work note, never shown to the caller")
    @APIResponse(responseCode = "201", description = "The work note added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    public Uni<Response> workNote(@PathParam("id") UUID id, @Valid @NotNull NewComment request) {
        return holdsAndComments.comment(id, request.body(), true, actor())
                .map(comment -> Response.status(201).entity(mapper.toView(comment)).build());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "Who changed what, when, from what to what: fields, moves with their reasons, resolution,"
            + " comments added (with their visibility), SLA alerts")
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return queries.history(id, actor());
    }

    @GET
    @Path("/{id}/sla")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER })
    @Operation(summary = "The SLA clocks explained: targets and their source, calendar, due times, running and"
            + " paused intervals")
    public Uni<IncidentApi.SlaExplanation> sla(@PathParam("id") UUID id) {
        return queries.sla(id, actor()).map(record -> mapper.explain(record.incident(), record.pauses()));
    }

    private Response withETag(Response.ResponseBuilder response, Incident incident) {
        return response.tag(ETags.entityTag(incident.version)).entity(mapper.toView(incident)).build();
    }

    private Actor actor() {
        return currentActor.get();
    }
}
