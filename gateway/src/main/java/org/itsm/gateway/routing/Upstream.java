package org.itsm.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.problem.Problem;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One service behind the gateway: its instances (taken in turn), its timeout, its circuit breaker and the proxies to
 * it.
 */
public final class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    /** Rewrites {@code /openapi/{name}} to the service's own OpenAPI document. */
    private static final ProxyInterceptor OPENAPI_DOCUMENT = new ProxyInterceptor() {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String query = context.request().proxiedRequest().query();
            context.request().setURI(query == null ? "/q/openapi" : "/q/openapi?" + query);
            return context.sendRequest();
        }
    };

    private final String name;
    private final Duration timeout;
    private final Instances instances;
    private final HttpClient client;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final HttpProxy api;
    private final HttpProxy openApi;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;

    Upstream(String name, List<URI> baseUrls, Duration timeout, GatewayConfig.CircuitBreaker breaker,
            Duration unreachableInstanceDelay, HttpClient client, MemorySize maxBodySize, int safeMethodRetries) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("itsm.gateway.upstreams." + name + " names no base URL");
        }
        this.name = name;
        this.timeout = timeout;
        this.client = client;
        this.instances = new Instances(serviceName(),
                baseUrls.stream().map(url -> new Instance(name, serviceName(), url)).toList(),
                requestOptions(), Upstream::isRefused, unreachableInstanceDelay);
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() {
        })
                .withCircuitBreaker()
                .name("upstream-" + name)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                // Only failures of the service itself count: an error answer is still an answer.
                .when(Upstream::isUnreachable)
                .onStateChange(this::circuitChanged)
                .done()
                // The proxy is non-blocking: stay on the event loop.
                .withThreadOffload(false)
                .build();

        UpstreamInterceptor interceptor = new UpstreamInterceptor(this, maxBodySize, safeMethodRetries);
        // No WebSocket tunnel: the API has none, and every exchange then goes through the interceptor.
        ProxyOptions options = new ProxyOptions().setSupportWebSocket(false);
        this.api = HttpProxy.reverseProxy(options, client)
                .origin(instances)
                .addInterceptor(interceptor);
        this.openApi = HttpProxy.reverseProxy(options, client)
                .origin(instances)
                .addInterceptor(OPENAPI_DOCUMENT)
                .addInterceptor(interceptor);
    }

    public String name() {
        return name;
    }

    /** The name clients see in error details, e.g. {@code incident-service}. */
    public String serviceName() {
        return name + "-service";
    }

    public CircuitBreakerState circuit() {
        return circuit;
    }

    /** The service's instances, in configuration order. */
    public List<Instance> instances() {
        return instances.all();
    }

    /** Whether requests can go to the service: its circuit is not open and at least one instance takes its turn. */
    public boolean up() {
        return circuit != CircuitBreakerState.OPEN && instances.all().stream().anyMatch(Instance::available);
    }

    /** Proxies API requests unchanged. */
    public HttpProxy api() {
        return api;
    }

    /** Proxies to the service's {@code /q/openapi}. */
    public HttpProxy openApi() {
        return openApi;
    }

    /** Options of a request to this service, the instance's address aside; the proxy fills in method, URI and headers. */
    public RequestOptions requestOptions() {
        long millis = timeout.toMillis();
        return new RequestOptions()
                // Waiting for a pooled connection and waiting for the answer both count against the timeout.
                .setConnectTimeout(millis)
                .setIdleTimeout(millis);
    }

    /**
     * A request to the next instance in turn, moving on to the following ones while connections cannot be opened
     * (see {@link Instances}).
     */
    public Future<HttpClientRequest> request(RequestOptions options) {
        return instances.open(client, options);
    }

    CompletionStage<ProxyResponse> call(Supplier<CompletionStage<ProxyResponse>> exchange) {
        return guard.get(exchange);
    }

    Problem problemFor(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException || isRefused(failure)) {
            return Problem.unavailable(serviceName());
        }
        if (failure instanceof TimeoutException) {
            return Problem.timeout(serviceName(), timeout);
        }
        LOG.debugf(failure, "Exchange with %s failed", serviceName());
        return Problem.badGateway(serviceName());
    }

    private static boolean isUnreachable(Throwable failure) {
        return isRefused(failure) || failure instanceof TimeoutException;
    }

    static boolean isRefused(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }

    private void circuitChanged(CircuitBreakerState state) {
        circuit = state;
        if (state == CircuitBreakerState.OPEN) {
            LOG.warnf("Circuit to %s opened: requests fail fast for a while", serviceName());
        } else {
            LOG.infof("Circuit to %s is %s", serviceName(), state);
        }
    }
}
