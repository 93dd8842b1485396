package org.itsm.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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

/** One service behind the gateway: its address, its timeout, its circuit breaker and the proxies to it. */
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
    private final String host;
    private final int port;
    private final boolean ssl;
    private final Duration timeout;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final HttpProxy api;
    private final HttpProxy openApi;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;

    Upstream(String name, URI baseUrl, Duration timeout, GatewayConfig.CircuitBreaker breaker, HttpClient client,
            MemorySize maxBodySize, int safeMethodRetries) {
        if (baseUrl.getHost() == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("itsm.gateway.upstreams." + name + " must look like http://host:port, not "
                    + baseUrl);
        }
        this.name = name;
        this.host = baseUrl.getHost();
        this.ssl = "https".equals(baseUrl.getScheme());
        this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : ssl ? 443 : 80;
        this.timeout = timeout;
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
                .origin(this::openRequest)
                .addInterceptor(interceptor);
        this.openApi = HttpProxy.reverseProxy(options, client)
                .origin(this::openRequest)
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

    /** Proxies API requests unchanged. */
    public HttpProxy api() {
        return api;
    }

    /** Proxies to the service's {@code /q/openapi}. */
    public HttpProxy openApi() {
        return openApi;
    }

    /** A request to this service; the proxy fills in method, URI and headers. */
    public RequestOptions requestOptions() {
        long millis = timeout.toMillis();
        return new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                // Waiting for a pooled connection and waiting for the answer both count against the timeout.
                .setConnectTimeout(millis)
                .setIdleTimeout(millis);
    }

    // A failed exchange reaches the proxy through the response; the handler only keeps Vert.x from logging an error.
    private Future<HttpClientRequest> openRequest(ProxyContext context) {
        return context.client().request(requestOptions()).map(request -> request.exceptionHandler(
                failure -> LOG.debugf("Request to %s failed: %s", serviceName(), failure)));
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

    private static boolean isRefused(Throwable failure) {
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
