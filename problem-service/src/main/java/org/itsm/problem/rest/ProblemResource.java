package org.itsm.problem.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Priority;
import org.itsm.events.api.Roles;
import org.itsm.problem.domain.ProblemAccess;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.rest.ProblemApi.CreateProblem;
import org.itsm.problem.rest.ProblemApi.FixChange;
import org.itsm.problem.rest.ProblemApi.KnownErrorView;
import org.itsm.problem.rest.ProblemApi.LinkIncident;
import org.itsm.problem.rest.ProblemApi.LinkedIncidentView;
import org.itsm.problem.rest.ProblemApi.NextMove;
import org.itsm.problem.rest.ProblemApi.NextStates;
import org.itsm.problem.rest.ProblemApi.PublishKnownError;
import org.itsm.problem.rest.ProblemApi.ProblemView;
import org.itsm.problem.rest.ProblemApi.Reason;
import org.itsm.problem.rest.ProblemApi.Resolve;
import org.itsm.problem.rest.ProblemApi.Summary;
import org.itsm.problem.rest.ProblemApi.UpdateProblem;
import org.itsm.problem.service.Actor;
import org.itsm.problem.service.FixChanges;
import org.itsm.problem.service.IncidentLinks;
import org.itsm.problem.service.KnownErrors;
import org.itsm.problem.service.ProblemEditing;
import org.itsm.problem.service.ProblemLookup;
import org.itsm.problem.service.ProblemMoves;
import org.itsm.problem.service.ProblemQueries;
import org.itsm.problem.service.ProblemRegistration;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Problems. Problem managers (and admins) manage them; agents read them, propose new ones and link incidents;
 * requesters have no access.
 */
@Path("/api/v1/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Problems")
@SecurityRequirement(name = "keycloak")
public class ProblemResource {

    private final ProblemLookup problems;
    private final ProblemRegistration registration;
    private final ProblemEditing editing;
    private final ProblemMoves moves;
    private final IncidentLinks links;
    private final KnownErrors knownErrors;
    private final FixChanges fixChanges;
    private final ProblemQueries queries;
    private final ProblemMapper mapper;
    private final SecurityIdentity identity;

    public ProblemResource(ProblemLookup problems, ProblemRegistration registration, ProblemEditing editing,
            ProblemMoves moves, IncidentLinks links, KnownErrors knownErrors, FixChanges fixChanges,
            ProblemQueries queries, ProblemMapper mapper, SecurityIdentity identity) {
        this.problems = problems;
        this.registration = registration;
        this.editing = editing;
        this.moves = moves;
        this.links = links;
        this.knownErrors = knownErrors;
        this.fixChanges = fixChanges;
        this.queries = queries;
        this.mapper = mapper;
        this.identity = identity;
    }

    @APIResponses({
            @APIResponse(responseCode = "201", description = "The problem raised (ETag = version, Location)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProblemView.class))),
            @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first result",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProblemView.class))) })
    @POST
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Raise a problem (agents propose one), optionally linking incidents; Idempotency-Key honoured")
    public Uni<Response> create(@Valid @NotNull CreateProblem request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return registration.create(mapper.toCommand(request), caller(), idempotencyKey)
                .map(created -> withETag(created.isNew()
                        ? Response.created(URI.create("/api/v1/problems/" + created.problem().id))
                        : Response.ok(), created.problem()));
    }

    @GET
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "List problems with filters, text search (q), paging and sorting")
    public Uni<PageResult<ProblemView>> list(@QueryParam("state") String state,
            @QueryParam("priority") String priority, @QueryParam("source") String source,
            @QueryParam("serviceId") String serviceId, @QueryParam("category") String category,
            @QueryParam("assignmentGroup") String assignmentGroup, @QueryParam("assignee") String assignee,
            @QueryParam("knownError") String knownError, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, ProblemQueries.SORTABLE, "-updatedAt");
        ProblemAccess.Caller caller = caller();
        return queries.list(new ProblemQueries.Filter(QueryParams.enumValue("state", state, ProblemState.class),
                QueryParams.enumValue("priority", priority, Priority.class),
                QueryParams.enumValue("source", source, ProblemSource.class), QueryParams.uuid("serviceId", serviceId),
                category, assignmentGroup, assignee, QueryParams.bool("knownError", knownError), text), pageRequest)
                .map(result -> new PageResult<>(result.items().stream().map(problem -> mapper.toView(problem, caller))
                        .toList(), result.page(),
                        result.size(), result.total()));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Measures of problem management: open problems, known errors, mean time to root cause")
    public Uni<Summary> summary() {
        return queries.summary().map(mapper::toView);
    }

    @APIResponse(responseCode = "200", description = "The problem (ETag = version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    public Uni<Response> get(@PathParam("id") UUID id) {
        return problems.get(id).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem as changed (ETag = version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change fields (root cause, workaround, fix, assignment...); If-Match refuses stale updates")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateProblem request) {
        return editing.update(id, ifMatch, mapper.toCommand(request), actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @GET
    @Path("/{id}/next-states")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "The moves allowed now, where each leads, what it requires and the resolution codes")
    public Uni<NextStates> nextStates(@PathParam("id") UUID id) {
        ProblemAccess.Caller caller = caller();
        return problems.get(id).map(problem -> {
            ProblemMoves.Options options = moves.options(problem, caller);
            return new NextStates(problem.state, options.moves().stream()
                    .map(option -> new NextMove(option.move().move().action(), option.move().target(),
                            option.move().requires(), option.move().resolutionCodes(), option.requiredFields(),
                            option.requiredFieldsByCode()))
                    .toList(), options.allowedActions());
        });
    }

    @APIResponse(responseCode = "200", description = "The problem in Assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/assess")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    public Uni<Response> assess(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.assess(id, ifMatch, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem in Root Cause Analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/analyse")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Start root cause analysis")
    public Uni<Response> analyse(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.analyse(id, ifMatch, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem in Fix in Progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/start-fix")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Start the fix; the root cause must be recorded")
    public Uni<Response> startFix(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.startFix(id, ifMatch, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem back in Root Cause Analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/reanalyse")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Back from the fix to root cause analysis")
    public Uni<Response> reanalyse(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.reanalyse(id, ifMatch, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem resolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Resolve with FIX_APPLIED, RISK_ACCEPTED or DUPLICATE (codes allowed depend on the state)")
    public Uni<Response> resolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Resolve request) {
        return moves.resolve(id, ifMatch, mapper.toCommand(request), actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return moves.close(id, ifMatch, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Cancel an open problem; a reason is required")
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason request) {
        return moves.cancel(id, ifMatch, request.reason(), actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @GET
    @Path("/{id}/incidents")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "The linked incidents, with their state as last reported by incident-service")
    public Uni<List<LinkedIncidentView>> incidents(@PathParam("id") UUID id) {
        return queries.linkedIncidents(id).map(list -> list.stream().map(mapper::toView).toList());
    }

    @APIResponses({
            @APIResponse(responseCode = "201", description = "The incident linked: the problem",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProblemView.class))),
            @APIResponse(responseCode = "200", description = "The incident was linked already: the problem",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProblemView.class))) })
    @POST
    @Path("/{id}/incidents")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Link an incident by number (201, or 200 when already linked); evented to incident-service")
    public Uni<Response> link(@PathParam("id") UUID id, @Valid @NotNull LinkIncident request) {
        return links.link(id, request.incidentNumber(), actor())
                .map(linked -> withETag(linked.isNew() ? Response.status(201) : Response.ok(), linked.problem()));
    }

    @APIResponse(responseCode = "200", description = "The problem without the incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @DELETE
    @Path("/{id}/incidents/{incidentNumber}")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Unlink an incident")
    public Uni<Response> unlink(@PathParam("id") UUID id,
            @PathParam("incidentNumber") @Pattern(regexp = ProblemApi.INCIDENT_NUMBER) String incidentNumber) {
        return links.unlink(id, incidentNumber, actor()).map(problem -> withETag(Response.ok(), problem));
    }

    @APIResponse(responseCode = "200", description = "The problem with its fix change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @POST
    @Path("/{id}/fix-change")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Record the change that carries the fix; its implementation resolves the problem")
    public Uni<Response> fixChange(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FixChange request) {
        return fixChanges.record(id, ifMatch, request.changeNumber(), actor())
                .map(problem -> withETag(Response.ok(), problem));
    }

    @POST
    @Path("/{id}/known-error")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Publish (or republish) the known error; the workaround goes to the linked open incidents")
    public Uni<KnownErrorView> publishKnownError(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PublishKnownError request) {
        return knownErrors.publish(id, ifMatch, mapper.toCommand(request), actor())
                .map(published -> mapper.toView(published.knownError(), published.problem()));
    }

    @GET
    @Path("/{id}/known-error")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    public Uni<KnownErrorView> knownError(@PathParam("id") UUID id) {
        return problems.get(id).flatMap(problem -> knownErrors.of(id)
                .map(knownError -> mapper.toView(knownError, problem)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.PROBLEM_MANAGER, Roles.ADMIN, Roles.AGENT })
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return queries.history(id);
    }

    private Response withETag(Response.ResponseBuilder response, Problem problem) {
        return response.tag(ETags.entityTag(problem.version)).entity(mapper.toView(problem, caller()))
                .build();
    }

    private ProblemAccess.Caller caller() {
        return new ProblemAccess.Caller(identity.getPrincipal().getName(), identity.getRoles());
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName());
    }

}
