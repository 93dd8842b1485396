package org.itsm.support.rest;

import java.net.URI;
import java.util.List;

/** A request the API refuses, with the problem details to answer. Thrown by services and resources alike. */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://itsm.dev/problems/";

    private final ProblemDetail problem;

    public ApiProblem(int status, String slug, String title, String detail, List<ProblemDetail.FieldError> errors,
            List<String> allowedMoves) {
        super(detail);
        this.problem = new ProblemDetail(URI.create(TYPE_BASE + slug), title, status, detail, null, errors,
                allowedMoves);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail, null, null);
    }

    public static ApiProblem invalidFields(List<ProblemDetail.FieldError> errors) {
        return new ApiProblem(400, "validation", "Invalid fields",
                errors.size() + " field(s) are invalid", errors, null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(List.of(new ProblemDetail.FieldError(field, message)));
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ApiProblem illegalMove(String move, String state, List<String> allowedMoves) {
        return new ApiProblem(409, "illegal-move", "Move not allowed",
                "Cannot " + move + " from state " + state + "; allowed now: "
                        + (allowedMoves.isEmpty() ? "none" : String.join(", ", allowedMoves)),
                null, allowedMoves);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null, null);
    }

    public static ApiProblem staleVersion(long current) {
        return new ApiProblem(412, "stale-version", "Precondition failed",
                "The record changed meanwhile (now version " + current + "); reload it and retry", null, null);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "unprocessable", "Unprocessable request", detail, null, null);
    }
}
