package org.itsm.gateway.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.routing.Instance;
import org.itsm.gateway.routing.Upstream;
import org.itsm.gateway.routing.Upstreams;
import org.itsm.gateway.stream.EventStreamRoute;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-route request metrics, {@code itsm_gateway_requests_seconds{route,method,status}} with a latency histogram
 * (they replace Quarkus' own HTTP server metrics, which would label each request with its raw path):
 * the route is the upstream the path belongs to ({@code incident}, ...), {@code stream}, or {@code unrouted} — never
 * the raw path, whose ids would make a series per record. 401 and 429 answered by the gateway count under the route
 * they were meant for. Per upstream, {@code itsm_gateway_upstream_up{upstream}} is 1 while requests can go to the service
 * (its circuit is not open and at least one instance takes its turn), and
 * {@code itsm_gateway_upstream_instances{upstream,state=available|left-out}} counts its instances, those left out of
 * the turn after a failed connection apart.
 */
@ApplicationScoped
public class RouteMetrics {

    private static final String UNROUTED = "unrouted";

    /** Histogram buckets: the gateway's own overhead is a few milliseconds, the services' answers up to the timeout. */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    /** Path prefixes and the route name their requests count under. */
    private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();

    public RouteMetrics(MeterRegistry registry, GatewayConfig config, Upstreams upstreams) {
        this.registry = registry;
        for (Upstream upstream : upstreams.all()) {
            Gauge.builder("itsm.gateway.upstream.up", upstream, u -> u.up() ? 1 : 0)
                    .description("1 while requests can go to the upstream: circuit not open, at least one instance available")
                    .tag("upstream", upstream.name())
                    .register(registry);
            Gauge.builder("itsm.gateway.upstream.instances", upstream, u -> available(u))
                    .description("Instances of the upstream by state")
                    .tags("upstream", upstream.name(), "state", "available")
                    .register(registry);
            Gauge.builder("itsm.gateway.upstream.instances", upstream, u -> u.instances().size() - available(u))
                    .description("Instances of the upstream by state")
                    .tags("upstream", upstream.name(), "state", "left-out")
                    .register(registry);
        }
        prefixes.add(Map.entry(EventStreamRoute.PATH, "stream"));
        config.routes().forEach((name, routePrefixes) -> routePrefixes.forEach(prefix -> prefixes.add(
                Map.entry(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix, name))));
    }

    /** Route handler, ahead of every other on {@code /api}: times the exchange until the response ends. */
    public void measure(RoutingContext rc) {
        String route = routeOf(rc.request().path());
        String method = rc.request().method().name();
        Timer.Sample sample = Timer.start(registry);
        rc.addEndHandler(ended -> sample.stop(Timer.builder("itsm.gateway.requests")
                .description("Requests through the gateway by route, method and status")
                .tags("route", route, "method", method, "status", Integer.toString(rc.response().getStatusCode()))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)));
        rc.next();
    }

    private static long available(Upstream upstream) {
        return upstream.instances().stream().filter(Instance::available).count();
    }

    private String routeOf(String path) {
        for (Map.Entry<String, String> prefix : prefixes) {
            if (path.equals(prefix.getKey()) || path.startsWith(prefix.getKey() + "/")) {
                return prefix.getValue();
            }
        }
        return UNROUTED;
    }
}
