package org.itsm.gateway.problem;

import java.time.Duration;
import java.util.List;

import org.itsm.events.api.ProblemType;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details for the errors the gateway answers itself; answers of the services pass through
 * untouched. Types come from the platform's one catalogue ({@link ProblemType}), so clients handle both alike.
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors) {

    /** An offending field of a request the gateway answers itself. */
    public record FieldError(String field, String message) {
    }

    public Problem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(ProblemType.VALIDATION, "Invalid fields: "
                + String.join(", ", errors.stream().map(FieldError::field).toList()), List.copyOf(errors));
    }

    public static Problem badRequest(String detail) {
        return new Problem(ProblemType.BAD_REQUEST, detail);
    }

    public static Problem methodNotAllowed(String method) {
        return new Problem(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed here");
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public int status() {
        return type.status();
    }

    public static Problem unauthorized(String detail) {
        return new Problem(ProblemType.UNAUTHORIZED, detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(ProblemType.FORBIDDEN, detail);
    }

    public static Problem notFound(String path) {
        return new Problem(ProblemType.NOT_FOUND, "No API route matches " + path);
    }

    public static Problem payloadTooLarge(MemorySize limit) {
        return new Problem(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit.asLongValue() + " bytes");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(ProblemType.RATE_LIMITED, "Rate limit exceeded; retry in " + retryAfterSeconds + " s");
    }

    public static Problem badGateway(String service) {
        return new Problem(ProblemType.BAD_GATEWAY, service + " failed to answer");
    }

    public static Problem unavailable(String service) {
        return new Problem(ProblemType.SERVICE_UNAVAILABLE, service + " is unavailable");
    }

    public static Problem identityProviderUnavailable() {
        return new Problem(ProblemType.SERVICE_UNAVAILABLE,
                "The identity provider is unavailable, so the bearer token cannot be verified now");
    }

    public static Problem timeout(String service, Duration timeout) {
        return new Problem(ProblemType.GATEWAY_TIMEOUT,
                service + " did not answer within " + timeout.toMillis() + " ms");
    }

    /** The JSON body, with {@code instance} set to the request path. */
    public Buffer toBuffer(String instance) {
        JsonObject body = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", new JsonArray(errors.stream()
                    .map(error -> new JsonObject().put("field", error.field()).put("message", error.message())).toList()));
        }
        return body.toBuffer();
    }

    /** Ends the exchange with this problem; headers set before (challenge, rate-limit) are kept. */
    public void send(RoutingContext rc) {
        rc.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(toBuffer(rc.request().path()));
    }
}
