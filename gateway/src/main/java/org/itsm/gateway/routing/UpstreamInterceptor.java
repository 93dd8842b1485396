package org.itsm.gateway.routing;

import java.io.IOException;
import java.util.Set;

import org.itsm.gateway.problem.Problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Applies the gateway's rules to each proxied exchange: body size limit, forwarding headers, the upstream's circuit
 * breaker, one more try for a safe request whose connection failed, and problem details when the service cannot be
 * reached.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final Upstream upstream;
    private final MemorySize maxBodySize;
    private final int safeMethodRetries;

    UpstreamInterceptor(Upstream upstream, MemorySize maxBodySize, int safeMethodRetries) {
        this.upstream = upstream;
        this.maxBodySize = maxBodySize;
        this.safeMethodRetries = safeMethodRetries;
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

        boolean retriable = isRetriable(request);
        if (retriable) {
            // It has no body to stream; without one it can be sent again.
            request.setBody(null);
        }
        int retries = retriable ? safeMethodRetries : 0;
        return Future.fromCompletionStage(upstream.call(() -> send(context, limited, retries).toCompletionStage()),
                Vertx.currentContext())
                .recover(failure -> Future.succeededFuture(problem(request, upstream.problemFor(failure))));
    }

    /** One guarded call: the circuit breaker counts it once, however many tries it took. */
    private Future<ProxyResponse> send(ProxyContext context, LimitedBodyStream limited, int retriesLeft) {
        // This interceptor is the proxy's last: sending again goes straight to a new origin request.
        return context.sendRequest().recover(failure -> {
            // An oversized body is the caller's fault: answered inside the guard so it never counts against the service.
            if (limited != null && limited.exceeded()) {
                return Future.succeededFuture(problem(context.request(), Problem.payloadTooLarge(maxBodySize)));
            }
            if (retriesLeft > 0 && isConnectionFailure(failure)) {
                return send(context, limited, retriesLeft - 1);
            }
            return Future.failedFuture(failure);
        });
    }

    /**
     * Only GET and HEAD may be sent twice: another method may have taken effect before the connection broke. A body
     * streams from the caller only once, so only requests without one are resent.
     */
    private static boolean isRetriable(ProxyRequest request) {
        HttpServerRequest incoming = request.proxiedRequest();
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean bodyless = (length == null || "0".equals(length)) && !incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        return SAFE.contains(request.getMethod()) && bodyless;
    }

    // Refused, reset or closed before an answer; a timeout is not retried (the service may be working on it).
    private static boolean isConnectionFailure(Throwable failure) {
        return failure instanceof IOException || failure instanceof HttpClosedException;
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
