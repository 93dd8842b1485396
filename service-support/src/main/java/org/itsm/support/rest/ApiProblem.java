package org.itsm.support.rest;

import java.util.List;

import org.itsm.events.api.ProblemType;

/** A request the API refuses, with the problem details to answer. Thrown by services and resources alike. */
public class ApiProblem extends RuntimeException {

    private final ProblemDetail problem;

    public ApiProblem(ProblemType type, String detail, List<ProblemDetail.FieldError> errors,
            List<String> allowedMoves) {
        super(detail);
        this.problem = new ProblemDetail(type.uri(), type.title(), type.status(), detail, null, errors, allowedMoves);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ProblemType.BAD_REQUEST, detail, null, null);
    }

    public static ApiProblem invalidFields(List<ProblemDetail.FieldError> errors) {
        return new ApiProblem(ProblemType.VALIDATION, errors.size() + " field(s) are invalid", errors, null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(List.of(new ProblemDetail.FieldError(field, message)));
    }

    /** One invalid field with its code (and params), e.g. {@code FieldError.of("page", "...", "min", ...)}. */
    public static ApiProblem invalidField(ProblemDetail.FieldError error) {
        return invalidFields(List.of(error));
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(ProblemType.NOT_FOUND, what + " " + id + " does not exist", null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ProblemType.FORBIDDEN, detail, null, null);
    }

    public static ApiProblem illegalMove(String move, String state, List<String> allowedMoves) {
        return new ApiProblem(ProblemType.ILLEGAL_MOVE,
                "Cannot " + move + " from state " + state + "; allowed now: "
                        + (allowedMoves.isEmpty() ? "none" : String.join(", ", allowedMoves)),
                null, allowedMoves);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT, detail, null, null);
    }

    public static ApiProblem staleVersion(long current) {
        return new ApiProblem(ProblemType.STALE_VERSION,
                "The record changed meanwhile (now version " + current + "); reload it and retry", null, null);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(ProblemType.UNPROCESSABLE, detail, null, null);
    }

    /** A rule of the practice broken by the named fields (422, each field with its reason). */
    public static ApiProblem unprocessableFields(List<ProblemDetail.FieldError> errors) {
        return new ApiProblem(ProblemType.UNPROCESSABLE, errors.size() + " field(s) break a rule", errors, null);
    }
}
