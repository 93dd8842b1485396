package org.itsm.gateway.routing;

import org.itsm.gateway.problem.Problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Applies the gateway's rules to each proxied exchange: body size limit, forwarding headers, the upstream's circuit
 * breaker, and problem details when the service cannot be reached.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");

    private final Upstream upstream;
    private final MemorySize maxBodySize;

    UpstreamInterceptor(Upstream upstream, MemorySize maxBodySize) {
        this.upstream = upstream;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        long limit = maxBodySize.asLongValue();
        Body body = request.getBody();
        if (body.length() > limit) {
            return Future.succeededFuture(problem(request, Problem.payloadTooLarge(maxBodySize)));
        }
        // A chunked body announces no length: it is counted while it streams and cut at the limit.
        LimitedBodyStream limited = body.length() < 0 ? new LimitedBodyStream(body.stream(), limit) : null;
        if (limited != null) {
            request.setBody(Body.body(limited, -1));
        }
        forwardingHeaders(request);

        // An oversized body is the caller's fault: answered inside the guard so it never counts against the service.
        return Future.fromCompletionStage(upstream.call(() -> context.sendRequest()
                .recover(failure -> limited != null && limited.exceeded()
                        ? Future.succeededFuture(problem(request, Problem.payloadTooLarge(maxBodySize)))
                        : Future.failedFuture(failure))
                .toCompletionStage()), Vertx.currentContext())
                .recover(failure -> Future.succeededFuture(problem(request, upstream.problemFor(failure))));
    }

    private static void forwardingHeaders(ProxyRequest request) {
        HttpServerRequest incoming = request.proxiedRequest();
        // Keep the caller's Host so that links the services build (Location, paging) point at the gateway.
        if (incoming.authority() != null) {
            request.setAuthority(incoming.authority());
        }
        String forwardedFor = request.headers().get(X_FORWARDED_FOR);
        String client = incoming.remoteAddress().hostAddress();
        request.putHeader(X_FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
        request.putHeader(X_FORWARDED_PROTO, incoming.scheme());
    }

    /**
     * A response of the gateway's own. Releasing the request drains any unread body rather than closing the
     * connection, which could reset it before a client still sending has read the answer.
     */
    private static ProxyResponse problem(ProxyRequest request, Problem problem) {
        return request.release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toBuffer(request.proxiedRequest().path())));
    }
}
