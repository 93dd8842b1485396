package org.itsm.problem.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.problem.rest.ProblemApi.KnownErrorView;
import org.itsm.problem.service.ProblemQueries;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;
import org.itsm.events.api.Roles;

import io.smallrye.mutiny.Uni;

/** The known-error database the service desk searches for workarounds. */
@Path("/api/v1/known-errors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known errors")
@SecurityRequirement(name = "keycloak")
public class KnownErrorResource {

    private final ProblemQueries queries;
    private final ProblemMapper mapper;

    public KnownErrorResource(ProblemQueries queries, ProblemMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.ADMIN })
    @Operation(summary = "Search known errors by text (symptom, root cause, workaround, problem) and service")
    public Uni<PageResult<KnownErrorView>> search(@QueryParam("q") String text,
            @QueryParam("serviceId") String serviceId, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pageRequest = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, ProblemQueries.KNOWN_ERROR_SORTABLE, "-updatedAt");
        return queries.searchKnownErrors(text, QueryParams.uuid("serviceId", serviceId), pageRequest)
                .map(result -> new PageResult<>(result.items().stream()
                        .map(entry -> mapper.toView(entry.knownError(), entry.problem())).toList(),
                        result.page(), result.size(), result.total()));
    }
}
