package org.itsm.events.api;

import java.net.URI;
import java.util.Arrays;

/**
 * The one catalogue of RFC 9457 problem types the public API answers with, services and gateway alike. Clients
 * switch on {@link #uri()} (the console maps each to a translated message); {@code docs/problem-types.md} describes
 * them. A new kind of refusal is added here, never invented in place.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad request", "The request cannot be read: malformed JSON, a bad parameter."),
    VALIDATION("validation", 400, "Invalid fields",
            "One or more fields are missing, malformed or unknown; `errors` names each field."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized", "No bearer token, or one that is invalid or expired."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The caller's roles, or a rule such as segregation of duties, do not allow this operation."),
    NOT_FOUND("not-found", 404, "Not found", "No such record or route, or one the caller may not see."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed", "The route exists but not for this method."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "The API cannot answer in the media type asked for."),
    ILLEGAL_MOVE("illegal-move", 409, "Move not allowed",
            "The lifecycle move is not allowed from the record's state; `allowedMoves` names those that are."),
    CONFLICT("conflict", 409, "Conflict", "The request contradicts the record's current state or another record."),
    STALE_VERSION("stale-version", 412, "Precondition failed",
            "If-Match named a version that is no longer current; reload the record and retry."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large", "The request body exceeds the gateway's limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The body must be application/json."),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable request",
            "The fields are well-formed but break a rule of the practice; `errors` names the fields when it can."),
    REQUIREMENTS_UNMET("requirements-unmet", 422, "Requirements not met",
            "A move needs fields or conditions that are not yet satisfied."),
    RATE_LIMITED("rate-limited", 429, "Too many requests", "The caller exceeded its rate limit; see Retry-After."),
    INTERNAL_ERROR("internal-error", 500, "Internal error", "The service failed; the failure is logged."),
    BAD_GATEWAY("bad-gateway", 502, "Bad gateway", "A service behind the gateway failed to answer."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "A service or the identity provider is unavailable; retry shortly."),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Service unavailable",
            "The service cannot reach its database; retry after Retry-After seconds. Nothing was changed."),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Gateway timeout", "A service behind the gateway did not answer in time.");

    public static final String BASE = "https://itsm.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static ProblemType ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No problem type '" + slug + "' in the catalogue"));
    }

    /** The framework's own refusals (a route without the method, an unreadable body) by their status. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> STALE_VERSION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
