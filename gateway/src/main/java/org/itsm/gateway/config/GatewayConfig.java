package org.itsm.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/** Routing, limits and resilience of the gateway; every key can be overridden per environment. */
@ConfigMapping(prefix = "itsm.gateway")
public interface GatewayConfig {

    /**
     * Base URLs ({@code scheme://host:port}) of each upstream service by name, e.g. {@code incident}: one per instance,
     * comma-separated; requests are spread over the instances in turn.
     */
    Map<String, List<URI>> upstreams();

    /** Path prefixes each upstream serves, by upstream name, e.g. {@code problem=/api/v1/problems,/api/v1/known-errors}. */
    Map<String, List<String>> routes();

    /** How long an upstream may stay silent before the gateway answers 504, by upstream name. */
    @WithDefaults
    @WithDefault("10s")
    Map<String, Duration> timeouts();

    /**
     * TCP connect timeout towards an upstream instance; a refused or timed-out connect is tried on the service's next
     * instance, and answers 503 when none can be reached.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long an instance a connection could not be opened to is left out of its service's turn (it is still tried,
     * last, when the others cannot be reached either); the first connection opened to it again brings it back.
     */
    @WithDefault("5s")
    Duration unreachableInstanceDelay();

    /** Pooled HTTP/1.1 connections per upstream instance. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    /**
     * Largest request body relayed upstream; larger ones answer 413. Keep it below
     * {@code quarkus.http.limits.max-body-size}, which would otherwise answer first, without problem details.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * How many more times a GET or HEAD without body is sent when the connection to the upstream fails (refused, reset
     * or closed before an answer). Other methods are never resent: the service may already have acted on them.
     */
    @WithDefault("1")
    int safeMethodRetries();

    CircuitBreaker circuitBreaker();

    RateLimit rateLimit();

    EventStream stream();

    Presence presence();

    /** Who is on which record ({@code /api/v1/presence}), shared by the gateway instances over Kafka. */
    interface Presence {

        /** How long an entry lives after its latest heartbeat (the console beats every 15 s). */
        @WithDefault("45s")
        Duration expiry();

        /** How often expired entries are dropped and their records' subscribers told. */
        @WithDefault("5s")
        Duration sweepInterval();
    }

    /** The live event stream {@code GET /api/v1/stream}. */
    interface EventStream {

        /** Interval of the keep-alive comment, which also keeps proxies from closing an idle stream. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Recent events kept in memory for {@code Last-Event-ID} resumes, across all topics. */
        @WithDefault("10000")
        int bufferSize();
    }

    /** One circuit breaker per upstream, counting connection failures and timeouts (not upstream 5xx answers). */
    interface CircuitBreaker {

        /** Rolling window of calls the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before a trial call is let through. */
        @WithDefault("5s")
        Duration delay();
    }

    /** Token buckets per caller, one for reads (GET, HEAD, OPTIONS) and one for writes. */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        Bucket reads();

        Bucket writes();
    }

    /** {@code capacity} is the burst; {@code refill-tokens} come back every {@code refill-period}. */
    interface Bucket {

        long capacity();

        long refillTokens();

        @WithDefault("1s")
        Duration refillPeriod();
    }
}
