package org.itsm.gateway.problem;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details for the errors the gateway answers itself; answers of the services pass through
 * untouched. Types share the services' base URI so clients handle both alike.
 */
public record Problem(int status, String slug, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://itsm.dev/problems/";

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail);
    }

    public static Problem notFound(String path) {
        return new Problem(404, "not-found", "Not found", "No API route matches " + path);
    }

    public static Problem payloadTooLarge(MemorySize limit) {
        return new Problem(413, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + limit.asLongValue() + " bytes");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(429, "rate-limited", "Too many requests",
                "Rate limit exceeded; retry in " + retryAfterSeconds + " s");
    }

    public static Problem badGateway(String service) {
        return new Problem(502, "bad-gateway", "Bad gateway", service + " failed to answer");
    }

    public static Problem unavailable(String service) {
        return new Problem(503, "service-unavailable", "Service unavailable", service + " is unavailable");
    }

    public static Problem identityProviderUnavailable() {
        return new Problem(503, "service-unavailable", "Service unavailable",
                "The identity provider is unavailable, so the bearer token cannot be verified now");
    }

    public static Problem timeout(String service, Duration timeout) {
        return new Problem(504, "gateway-timeout", "Gateway timeout",
                service + " did not answer within " + timeout.toMillis() + " ms");
    }

    /** The JSON body, with {@code instance} set to the request path. */
    public Buffer toBuffer(String instance) {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .toBuffer();
    }

    /** Ends the exchange with this problem; headers set before (challenge, rate-limit) are kept. */
    public void send(RoutingContext rc) {
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(toBuffer(rc.request().path()));
    }
}
