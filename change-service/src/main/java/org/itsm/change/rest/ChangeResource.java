package org.itsm.change.rest;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.rest.ChangeApi.Approvals;
import org.itsm.change.rest.ChangeApi.ChangeView;
import org.itsm.change.rest.ChangeApi.Close;
import org.itsm.change.rest.ChangeApi.Conflicts;
import org.itsm.change.rest.ChangeApi.CreateChange;
import org.itsm.change.rest.ChangeApi.Implement;
import org.itsm.change.rest.ChangeApi.NewVote;
import org.itsm.change.rest.ChangeApi.NextMove;
import org.itsm.change.rest.ChangeApi.NextStates;
import org.itsm.change.rest.ChangeApi.Reason;
import org.itsm.change.rest.ChangeApi.Review;
import org.itsm.change.rest.ChangeApi.RiskAnswers;
import org.itsm.change.rest.ChangeApi.Schedule;
import org.itsm.change.rest.ChangeApi.Summary;
import org.itsm.change.rest.ChangeApi.UpdateChange;
import org.itsm.change.rest.ChangeApi.VoteView;
import org.itsm.change.rest.ChangeApi.WindowView;
import org.itsm.change.service.Actor;
import org.itsm.change.service.ChangeApprovals;
import org.itsm.change.service.ChangeEditing;
import org.itsm.change.service.ChangeLookup;
import org.itsm.change.service.ChangeMoves;
import org.itsm.change.service.ChangeQueries;
import org.itsm.change.service.ChangeRegistration;
import org.itsm.change.service.ChangeScheduling;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;
import org.itsm.events.api.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
@SecurityRequirement(name = "keycloak")
public class ChangeResource {

    private final ChangeLookup changes;
    private final ChangeRegistration registration;
    private final ChangeEditing editing;
    private final ChangeMoves moves;
    private final ChangeApprovals approvals;
    private final ChangeScheduling scheduling;
    private final ChangeQueries queries;
    private final ChangeMapper mapper;
    private final SecurityIdentity identity;

    public ChangeResource(ChangeLookup changes, ChangeRegistration registration, ChangeEditing editing,
            ChangeMoves moves, ChangeApprovals approvals, ChangeScheduling scheduling, ChangeQueries queries,
            ChangeMapper mapper, SecurityIdentity identity) {
        this.changes = changes;
        this.registration = registration;
        this.editing = editing;
        this.moves = moves;
        this.approvals = approvals;
        this.scheduling = scheduling;
        this.queries = queries;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Raise a change request (Idempotency-Key makes retries safe)")
    @APIResponse(responseCode = "201", description = "Created (200 when the Idempotency-Key replays an earlier create)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> create(@Valid @NotNull CreateChange request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return registration.create(ChangeRequests.command(request), actor(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/changes/" + created.change().id))
                        : Response.ok(), created.change()));
    }

    @GET
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "List changes (requesters see their own)")
    public Uni<PageResult<ChangeView>> list(@QueryParam("state") String state, @QueryParam("type") String type,
            @QueryParam("riskLevel") String riskLevel, @QueryParam("requester") String requester,
            @QueryParam("implementer") String implementer, @QueryParam("serviceId") String serviceId,
            @QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, ChangeQueries.SORTABLE, "-updatedAt");
        return queries.list(new ChangeQueries.Filter(QueryParams.enumValue("state", state, ChangeState.class),
                QueryParams.enumValue("type", type, ChangeType.class),
                QueryParams.enumValue("riskLevel", riskLevel, RiskLevel.class), requester, implementer,
                QueryParams.uuid("serviceId", serviceId), text), pageRequest, actor())
                .map(result -> new PageResult<>(result.items().stream().map(mapper::toView).toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Measures of change enablement: by state and type, success rate, emergency ratio, lead time")
    public Uni<Summary> summary() {
        return queries.summary().map(mapper::summary);
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({ Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The change calendar: changes whose window overlaps [from, to), and blackout windows")
    public Uni<Schedule> calendar(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        return queries.schedule(start, end).map(calendar -> mapper.schedule(start, end, calendar));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "One change (requesters only their own)")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return changes.get(id, actor()).map(change -> withETag(Response.ok(), change));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change fields (the requester while New; change managers the plan until authorisation, the"
            + " window also after it, which starts a new approval round, and the people until the end); If-Match"
            + " refuses stale updates (412)")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateChange request) {
        return editing.update(id, ifMatch, ChangeRequests.command(request), actor()).map(change -> withETag(Response.ok(), change));
    }

    @GET
    @Path("/{id}/next-states")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The moves the caller may make now, where each leads and what it requires, and every action"
            + " the caller may take (the same rules the endpoints enforce)")
    public Uni<NextStates> nextStates(@PathParam("id") UUID id) {
        Actor actor = actor();
        return changes.get(id, actor).flatMap(change -> moves.movesFor(change, actor).map(moves -> new NextStates(
                change.state, moves.moves().stream()
                        .map(move -> new NextMove(move.move().action(), move.target(), move.requires())).toList(),
                moves.actions())));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Submit: normal changes go to Assess, emergency changes straight to Authorize")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.submit(id, ifMatch, actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/assess")
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Assess the risk (answers given here complete the stored ones) and request authorisation")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> assess(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid RiskAnswers answers) {
        return moves.assess(id, ifMatch, ChangeRequests.answers(answers), actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Schedule an approved change (standard changes: straight from New)")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> schedule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.schedule(id, ifMatch, actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/implement")
    @RolesAllowed({ Roles.AGENT, Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Start the implementation (the assigned implementer or a change manager) inside the planned"
            + " window; outside it only with outsideWindowReason (kept in the history and on the event)")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> implement(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid Implement request) {
        return moves.implement(id, ifMatch, request == null ? null : request.outsideWindowReason(), actor())
                .map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({ Roles.AGENT, Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "End the implementation with its outcome and open the post-implementation review")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Review request) {
        return moves.review(id, ifMatch, ChangeRequests.command(request), actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Close: from Implement with the outcome (successful normal or standard changes), from"
            + " Review with the review notes")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Close request) {
        return moves.close(id, ifMatch, ChangeRequests.command(request), actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Cancel with a reason (the requester until the authorisation completes, change managers until"
            + " the implementation starts)")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason request) {
        return moves.cancel(id, ifMatch, request.reason(), actor()).map(change -> withETag(Response.ok(), change));
    }

    @POST
    @Path("/{id}/conflict-override")
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Accept the hard conflicts of the current window, with a reason")
    @APIResponse(responseCode = "200", description = "The change as it now is (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> overrideConflicts(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason request) {
        return scheduling.overrideConflicts(id, ifMatch, request.reason(), actor())
                .map(change -> withETag(Response.ok(), change));
    }

    @GET
    @Path("/{id}/approvals")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The approval route, its status and every vote of every round")
    public Uni<Approvals> approvals(@PathParam("id") UUID id) {
        Actor actor = actor();
        return changes.get(id, actor).flatMap(change -> approvals.votes(id, actor)
                .map(votes -> mapper.approvals(change, votes)));
    }

    @POST
    @Path("/{id}/approvals")
    @RolesAllowed({ Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.ADMIN })
    @Operation(summary = "Vote on a change awaiting authorisation. 403: segregation of duties or a role that does not"
            + " count for the route; 409: already voted, or not awaiting authorisation")
    @APIResponse(responseCode = "201", description = "The vote as counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteView.class)))
    public Uni<Response> vote(@PathParam("id") UUID id, @Valid @NotNull NewVote request) {
        return approvals.vote(id, ChangeRequests.command(request), actor())
                .map(vote -> Response.status(201).entity(mapper.toView(vote)).build());
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "Schedule conflicts of the planned window; hard ones block authorisation unless overridden")
    public Uni<Conflicts> conflicts(@PathParam("id") UUID id) {
        Actor actor = actor();
        return changes.get(id, actor).flatMap(change -> scheduling.conflicts(id, actor)
                .map(conflicts -> mapper.conflicts(change, conflicts)));
    }

    @GET
    @Path("/{id}/first-available-window")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The earliest window of the same length free of hard conflicts")
    public Uni<WindowView> firstAvailableWindow(@PathParam("id") UUID id) {
        return scheduling.firstAvailableWindow(id, actor()).map(window -> new WindowView(window.start(), window.end()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.PROBLEM_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN })
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return queries.history(id, actor());
    }

    private Response withETag(Response.ResponseBuilder response, ChangeRequest change) {
        return response.tag(ETags.entityTag(change.version)).entity(mapper.toView(change)).build();
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(name, "required (ISO-8601 instant, e.g. 2026-12-01T00:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "not an ISO-8601 date-time with offset: " + value);
        }
    }

}
