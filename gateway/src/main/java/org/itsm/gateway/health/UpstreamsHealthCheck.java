package org.itsm.gateway.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.routing.Instance;
import org.itsm.gateway.routing.Upstream;
import org.itsm.gateway.routing.Upstreams;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Informational readiness: shows each upstream's own readiness (the service is up when at least one of its instances
 * is), but always reports UP, because the gateway keeps serving the other services (and answers 503 for a missing one)
 * rather than leaving the load balancer.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final long probeTimeoutMillis;

    public UpstreamsHealthCheck(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.probeTimeoutMillis = config.connectTimeout().toMillis();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> all = List.copyOf(upstreams.all());
        List<Future<String>> probes = all.stream().map(this::probe).toList();
        // Each probe turns its failure into a status, so waiting for all of them never fails.
        return Uni.createFrom().completionStage(() -> Future.all(probes).toCompletionStage())
                .map(ignored -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up()
                            .withData("informational", true);
                    for (int i = 0; i < all.size(); i++) {
                        response.withData(all.get(i).serviceName(), probes.get(i).result());
                    }
                    return response.build();
                });
    }

    private Future<String> probe(Upstream upstream) {
        String circuit = upstream.circuit() == CircuitBreakerState.CLOSED ? "" : " (circuit " + upstream.circuit() + ")";
        List<Instance> instances = upstream.instances();
        List<Future<String>> probes = instances.stream().map(this::probe).toList();
        return Future.all(probes).map(ignored -> summary(instances, probes.stream().map(Future::result).toList()) + circuit);
    }

    private Future<String> probe(Instance instance) {
        return upstreams.client()
                .request(instance.requestOptions(new RequestOptions().setURI("/q/health/ready")
                        .setIdleTimeout(probeTimeoutMillis).setConnectTimeout(probeTimeoutMillis)))
                .compose(HttpClientRequest::send)
                .compose(response -> response.end().map(v -> status(response)))
                .otherwise(failure -> "DOWN: " + failure.getMessage());
    }

    /**
     * A service is up when at least one of its instances is: {@code UP} when all are, {@code UP (1 of 2 instances; ...)}
     * naming those down when some are, {@code DOWN ...} when none is; a single instance's status as it is.
     */
    static String summary(List<Instance> instances, List<String> statuses) {
        if (instances.size() == 1) {
            return statuses.get(0);
        }
        List<String> down = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            if (!statuses.get(i).equals("UP")) {
                down.add(instances.get(i).url() + " " + statuses.get(i));
            }
        }
        if (down.isEmpty()) {
            return "UP";
        }
        int up = instances.size() - down.size();
        return (up > 0 ? "UP" : "DOWN") + " (" + up + " of " + instances.size() + " instances; " + String.join("; ", down)
                + ")";
    }

    private static String status(HttpClientResponse response) {
        return response.statusCode() == 200 ? "UP" : "DOWN: readiness answered " + response.statusCode();
    }
}
