package org.itsm.notification.webhook.service;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.config.WebhookConfig;
import org.itsm.notification.webhook.domain.TargetPolicy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Posts one webhook over HTTP(S) to the address the {@link TargetPolicy} checked (the host name still names the
 * server: Host header, TLS SNI and certificate check), never following a redirect, within the connect and request
 * timeouts, reading at most {@code max-response-bytes} of the answer (the connection is closed beyond them).
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt got: the status code (null when no answer came), how long it took, what went wrong. */
    public record Result(Integer statusCode, long durationMs, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final WebhookConfig config;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.dispatch().connectTimeout().toMillis())
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(Math.max(1, config.dispatch().concurrency())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<Result> post(TargetPolicy.Target target, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        long timeout = config.dispatch().requestTimeout().toMillis();
        int cap = config.dispatch().maxResponseBytes();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(pathAndQuery(target))
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(config.dispatch().connectTimeout().toMillis())
                .setIdleTimeout(timeout);
        headers.forEach(options::putHeader);
        Promise<Result> outcome = Promise.promise();
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .onFailure(failure -> outcome.tryComplete(new Result(null, elapsed(started), describe(failure))))
                .onSuccess(response -> {
                    int status = response.statusCode();
                    long[] read = { 0 };
                    response.handler(chunk -> {
                        read[0] += chunk.length();
                        if (read[0] > cap && outcome.tryComplete(new Result(status, elapsed(started),
                                statusError(status, "; answer longer than " + cap + " bytes, connection closed")))) {
                            response.request().reset();
                        }
                    });
                    response.exceptionHandler(failure -> outcome.tryComplete(new Result(status, elapsed(started),
                            statusError(status, "; answer cut: " + describe(failure)))));
                    response.endHandler(ignored -> outcome.tryComplete(new Result(status, elapsed(started),
                            statusError(status, ""))));
                });
        return Uni.createFrom().completionStage(outcome.future().toCompletionStage())
                .ifNoItem().after(config.dispatch().requestTimeout())
                .recoverWithItem(() -> new Result(null, elapsed(started),
                        "No answer within " + config.dispatch().requestTimeout().toMillis() + " ms"));
    }

    private static String pathAndQuery(TargetPolicy.Target target) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        return target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
    }

    private static String statusError(int status, String suffix) {
        if (status >= 200 && status < 300) {
            return suffix.isEmpty() ? null : suffix.substring(2);
        }
        String what = status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)"
                : "HTTP " + status;
        return what + suffix;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
