package org.itsm.gateway.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.metrics.RouteMetrics;
import org.itsm.gateway.openapi.CombinedOpenApi;
import org.itsm.gateway.presence.PresenceRoute;
import org.itsm.gateway.problem.Problem;
import org.itsm.gateway.ratelimit.RateLimiter;
import org.itsm.gateway.security.AuthenticationGate;
import org.itsm.gateway.stream.EventStreamRoute;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The gateway's routes on the Vert.x router Quarkus serves. Every {@code /api} request passes authentication, then
 * the rate limit, then goes to the live event stream, the presence API, or to the upstream owning its path prefix, or gets a 404.
 * {@code /openapi/{name}} serves each service's OpenAPI document publicly for the API explorer, {@code /openapi} all of
 * them merged.
 */
@ApplicationScoped
public class GatewayRouter {

    static final String API = "/api/";

    /** A heartbeat is a few dozen bytes. */
    private static final int PRESENCE_BODY_LIMIT = 4096;

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final AuthenticationGate authentication;
    private final RateLimiter rateLimiter;
    private final EventStreamRoute eventStream;
    private final CombinedOpenApi combinedOpenApi;
    private final RouteMetrics metrics;
    private final PresenceRoute presence;

    public GatewayRouter(GatewayConfig config, Upstreams upstreams, AuthenticationGate authentication,
            RateLimiter rateLimiter, EventStreamRoute eventStream, CombinedOpenApi combinedOpenApi, RouteMetrics metrics,
            PresenceRoute presence) {
        this.config = config;
        this.upstreams = upstreams;
        this.authentication = authentication;
        this.rateLimiter = rateLimiter;
        this.eventStream = eventStream;
        this.combinedOpenApi = combinedOpenApi;
        this.metrics = metrics;
        this.presence = presence;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(authentication::onFailure);

        // Routes run in the order they are added.
        router.route(API + "*").handler(metrics::measure);
        router.route(API + "*").handler(authentication::requireCaller);
        if (config.rateLimit().enabled()) {
            router.route(API + "*").handler(rateLimiter::limit);
        }
        router.get(EventStreamRoute.PATH).handler(eventStream::handle);
        router.get(PresenceRoute.PATH).handler(presence::get);
        router.put(PresenceRoute.PATH).handler(BodyHandler.create(false).setBodyLimit(PRESENCE_BODY_LIMIT))
                .handler(presence::put);
        router.delete(PresenceRoute.PATH).handler(presence::delete);
        router.route(PresenceRoute.PATH).handler(presence::notAllowed);
        config.routes().forEach((name, prefixes) -> {
            Upstream upstream = upstreams.named(name);
            for (String prefix : checked(name, prefixes)) {
                router.route(prefix + "/*").handler(rc -> upstream.api().handle(rc.request()));
            }
        });
        router.route(API + "*").handler(rc -> Problem.notFound(rc.request().path()).send(rc));

        router.get(CombinedOpenApi.PATH).handler(combinedOpenApi::handle);
        for (Upstream upstream : upstreams.all()) {
            router.get("/openapi/" + upstream.name()).handler(rc -> upstream.openApi().handle(rc.request()));
        }
    }

    // A prefix outside /api would bypass authentication; refuse such a configuration at start-up.
    private static List<String> checked(String name, List<String> prefixes) {
        return prefixes.stream().map(prefix -> {
            String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (!trimmed.startsWith(API) || trimmed.contains("*")) {
                throw new IllegalStateException("itsm.gateway.routes." + name + ": '" + prefix
                        + "' must be a plain path prefix under " + API);
            }
            return trimmed;
        }).toList();
    }
}
