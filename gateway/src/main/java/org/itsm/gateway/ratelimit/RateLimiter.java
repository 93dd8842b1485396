package org.itsm.gateway.ratelimit;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.problem.Problem;
import org.itsm.gateway.security.AuthenticationGate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-caller token buckets (Bucket4j), separate for reads and writes, held in this gateway instance's memory:
 * with N replicas a caller gets up to N times the limit, which is what the limit is for (protection, not billing).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final GatewayConfig.RateLimit config;
    private final Cache<CallerBucket, Bucket> buckets;
    private final Counter limitedReads;
    private final Counter limitedWrites;

    public RateLimiter(GatewayConfig config, MeterRegistry registry) {
        this.config = config.rateLimit();
        this.limitedReads = limitedCounter(registry, "reads");
        this.limitedWrites = limitedCounter(registry, "writes");
        // A bucket left alone until it is full again is the same as a new one, so it may be dropped then.
        Duration refilled = max(timeToFill(this.config.reads()), timeToFill(this.config.writes()));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refilled).build();
    }

    /** Route handler: consumes one token of the caller's bucket, or answers 429. */
    public void limit(RoutingContext rc) {
        boolean write = !READS.contains(rc.request().method());
        GatewayConfig.Bucket limit = write ? config.writes() : config.reads();
        Bucket bucket = buckets.get(new CallerBucket(rc.get(AuthenticationGate.CALLER), write), key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);

        HttpServerResponse response = rc.response();
        response.putHeader("X-RateLimit-Limit", Long.toString(limit.capacity()));
        response.putHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            rc.next();
            return;
        }
        (write ? limitedWrites : limitedReads).increment();
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        Problem.tooManyRequests(retryAfter).send(rc);
    }

    private static Counter limitedCounter(MeterRegistry registry, String kind) {
        return Counter.builder("itsm.gateway.rate.limited").description("Requests refused with 429 by the rate limit")
                .tag("kind", kind).register(registry);
    }

    private static Bucket newBucket(GatewayConfig.Bucket limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                .build();
    }

    private static Duration timeToFill(GatewayConfig.Bucket limit) {
        long periods = (limit.capacity() + limit.refillTokens() - 1) / limit.refillTokens();
        return limit.refillPeriod().multipliedBy(periods);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record CallerBucket(String caller, boolean write) {
    }
}
