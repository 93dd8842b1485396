package org.itsm.gateway;

import java.util.Map;

/**
 * The stand-in services of {@link UpstreamsTestResource} plus upstreams of several instances: {@code pair} has two
 * echo servers ({@code pair-1}, {@code pair-2}), {@code half-down} one echo server ({@code half-down-live}) after a port
 * nobody listens on, {@code all-down} two such ports. An unreachable instance is not left out of the turn here
 * ({@code unreachable-instance-delay} 0), so that every other request meets it and moves on; no rate limits.
 */
public class InstancesTestResource extends UpstreamsTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        config.put("itsm.gateway.upstreams.pair",
                "http://localhost:" + echoServer("pair-1", 0) + ",http://localhost:" + echoServer("pair-2", 0));
        config.put("itsm.gateway.routes.pair", "/api/v1/pair");
        // Spaces after the comma are allowed.
        config.put("itsm.gateway.upstreams.half-down",
                "http://localhost:" + unusedPort() + ", http://localhost:" + echoServer("half-down-live", 0));
        config.put("itsm.gateway.routes.half-down", "/api/v1/half-down");
        config.put("itsm.gateway.upstreams.all-down", "http://localhost:" + unusedPort() + ",http://localhost:" + unusedPort());
        config.put("itsm.gateway.routes.all-down", "/api/v1/all-down");
        config.put("itsm.gateway.unreachable-instance-delay", "0s");
        // The test profile's limit of 5 writes a minute would answer these tests' writes.
        config.put("itsm.gateway.rate-limit.enabled", "false");
        return config;
    }
}
