package org.itsm.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Correlation: every request carries an {@code X-Request-Id}, the caller's or a new UUID. It is set on the request
 * (so the proxy passes it upstream and the access log prints it) and echoed on every response, errors included.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    // Ahead of CORS and authentication, so that their answers carry the id as well.
    private static final int PRIORITY = SecurityHandlerPriorities.CORS + 100;

    // A caller's id is kept only when it is harmless in headers and log lines.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        rc.request().headers().set(HEADER, id);
        // Set as the headers go out, so an upstream's own copy does not duplicate it.
        rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
        rc.next();
    }
}
