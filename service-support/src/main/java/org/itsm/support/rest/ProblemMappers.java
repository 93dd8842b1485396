package org.itsm.support.rest;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.itsm.events.api.ProblemType;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves as application/problem+json; bad input is a 4xx naming the field, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return respond(problem.problem());
    }

    @ServerExceptionMapper
    public Response illegalMove(IllegalMoveException refused) {
        return respond(ApiProblem.illegalMove(refused.action(), refused.state(), refused.allowedMoves()).problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<ProblemDetail.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> FieldErrors.ofViolation(FieldErrors.fieldName(violation), violation))
                .sorted(java.util.Comparator.comparing(ProblemDetail.FieldError::field))
                .toList();
        return respond(ApiProblem.invalidFields(errors).problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return respond(ApiProblem.invalidFields(List.of(FieldErrors.unknownField(path(unknown)))).problem());
        }
        if (exception instanceof InvalidFormatException invalid) {
            return respond(ApiProblem.invalidFields(List.of(FieldErrors.invalidValue(path(invalid), invalid.getValue(),
                    invalid.getTargetType()))).problem());
        }
        if (exception instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return respond(ApiProblem.invalidFields(List.of(FieldErrors.wrongType(path(mismatched),
                    mismatched.getTargetType()))).problem());
        }
        return respond(ApiProblem.badRequest("Malformed JSON: " + exception.getOriginalMessage()).problem());
    }

    /** Quarkus maps these exact types itself (plain JSON); ours answer problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException exception) {
        return respond(ApiProblem.badRequest("Malformed JSON: " + exception.getOriginalMessage()).problem());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response webApplication(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (exception.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = type.status() >= 500 ? "The service could not handle the request" : exception.getMessage();
        return respond(new ProblemDetail(type.uri(), type.title(), status, detail, null, null, null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception) {
        return Response.status(401).type(ProblemDetail.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new ApiProblem(ProblemType.UNAUTHORIZED, "A valid bearer token is required", null, null)
                        .problem())
                .build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception) {
        return unauthorized(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return respond(ApiProblem.forbidden("Your roles do not allow this operation").problem());
    }

    /**
     * Two writers read the same version and the database kept the first: with If-Match the caller's version was
     * stale (412); without it, the caller should reload and retry (409). Either way nothing is lost.
     */
    @ServerExceptionMapper
    public Response concurrentUpdate(jakarta.persistence.OptimisticLockException exception, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            return respond(new ApiProblem(ProblemType.STALE_VERSION,
                    "The record changed meanwhile; reload it and retry", null, null).problem());
        }
        return respond(ApiProblem.conflict("The record changed meanwhile; reload it and retry").problem());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable failure) {
        if (DatabaseOutage.isCause(failure)) {
            LOG.warnf("Database unavailable: %s", failure.getMessage());
            return Response.fromResponse(respond(new ApiProblem(ProblemType.DATABASE_UNAVAILABLE,
                    "The service cannot reach its database; retry shortly", null, null).problem()))
                    .header("Retry-After", "5").build();
        }
        LOG.error("Unhandled failure", failure);
        return respond(new ApiProblem(ProblemType.INTERNAL_ERROR, "The service could not handle the request", null,
                null).problem());
    }

    public static Response respond(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(MismatchedInputException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
