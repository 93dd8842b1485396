package org.itsm.gateway.routing;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The configured upstream services and the one pooled HTTP client that reaches them all (a pool per instance). */
@ApplicationScoped
public class Upstreams {

    private final HttpClient client;
    private final Map<String, Upstream> byName = new TreeMap<>();

    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        config.upstreams().forEach((name, urls) -> byName.put(name, new Upstream(name, urls, config.timeouts().get(name),
                config.circuitBreaker(), config.unreachableInstanceDelay(), client, config.maxBodySize(),
                config.safeMethodRetries())));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    Upstream named(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("No upstream named '" + name + "': set itsm.gateway.upstreams." + name);
        }
        return upstream;
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
