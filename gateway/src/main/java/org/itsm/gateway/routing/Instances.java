package org.itsm.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * The origin of an upstream's proxies ({@link OriginRequestProvider}, the http-proxy's hook for choosing the server
 * of each exchange): the service's instances in turn (round robin). A connection that cannot be opened — refused,
 * connect timeout, unknown host — never reached the service, so the request, whatever its method, is opened on the
 * next instance instead, and the failed instance is left out of the turn for a while (tried last meanwhile). Nothing
 * of the request has been sent at that point: the proxy streams the body only once a connection is open. Any other
 * failure is left to {@link UpstreamInterceptor} (retry rules, circuit breaker, problem details).
 */
final class Instances implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(Instances.class);

    private final String serviceName;
    private final List<Instance> instances;
    private final RequestOptions proxyOptions;
    private final Predicate<Throwable> unreachable;
    private final long leaveOutNanos;
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * @param proxyOptions options of proxied requests (timeouts), the instance's address aside
     * @param unreachable the failures that mean the connection could not be opened
     * @param leaveOut how long an instance that could not be reached is left out of the turn
     */
    Instances(String serviceName, List<Instance> instances, RequestOptions proxyOptions, Predicate<Throwable> unreachable,
            Duration leaveOut) {
        this.serviceName = serviceName;
        this.instances = List.copyOf(instances);
        this.proxyOptions = proxyOptions;
        this.unreachable = unreachable;
        this.leaveOutNanos = leaveOut.toNanos();
    }

    List<Instance> all() {
        return instances;
    }

    // A failed exchange reaches the proxy through the response; the handler only keeps Vert.x from logging an error.
    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return open(context.client(), proxyOptions).map(request -> request.exceptionHandler(
                failure -> LOG.debugf("Request to %s failed: %s", serviceName, failure)));
    }

    /** A request on a connection to the next instance in turn, or to the following ones while connections fail. */
    Future<HttpClientRequest> open(HttpClient client, RequestOptions options) {
        return open(client, options, order(), 0);
    }

    private Future<HttpClientRequest> open(HttpClient client, RequestOptions options, List<Instance> order, int index) {
        Instance instance = order.get(index);
        return client.request(instance.requestOptions(options)).andThen(opened -> {
            if (opened.succeeded()) {
                instance.reached();
            }
        }).recover(failure -> {
            if (!unreachable.test(failure)) {
                return Future.failedFuture(failure);
            }
            instance.unreachable(failure, leaveOutNanos);
            return index + 1 < order.size() ? open(client, options, order, index + 1) : Future.failedFuture(failure);
        });
    }

    /** All instances, starting with the next in turn; those left out come last. */
    private List<Instance> order() {
        int count = instances.size();
        if (count == 1) {
            return instances;
        }
        int start = Math.floorMod(turn.getAndIncrement(), count);
        long now = System.nanoTime();
        List<Instance> order = new ArrayList<>(count);
        List<Instance> leftOut = new ArrayList<>(0);
        for (int i = 0; i < count; i++) {
            Instance instance = instances.get((start + i) % count);
            (instance.available(now) ? order : leftOut).add(instance);
        }
        order.addAll(leftOut);
        return order;
    }
}
