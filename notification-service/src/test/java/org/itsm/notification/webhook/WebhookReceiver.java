package org.itsm.notification.webhook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * A real HTTP receiver for webhooks on 127.0.0.1 (Vert.x, its own instance): records what each path received and
 * answers with the status set for the path (204 unless told otherwise), a redirect, an oversized body, or never.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its path, headers (lower-case names) and body. */
    public record Received(String path, Map<String, String> headers, String body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> bodySizes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> silent = new ConcurrentHashMap<>();

    public WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            received.add(new Received(request.path(), headers, body.toString()));
            if (silent.containsKey(request.path())) {
                return; // never answers
            }
            String location = redirects.get(request.path());
            if (location != null) {
                request.response().setStatusCode(302).putHeader("location", url(location)).end();
                return;
            }
            int status = statuses.getOrDefault(request.path(), 204);
            Integer size = bodySizes.get(request.path());
            if (size != null) {
                request.response().setStatusCode(status).end(Buffer.buffer(new byte[size]));
            } else {
                request.response().setStatusCode(status).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public void answer(String path, int status) {
        statuses.put(path, status);
    }

    public void redirect(String path, String to) {
        redirects.put(path, to);
    }

    /** Requests to {@code path} are read and never answered. */
    public void neverAnswer(String path) {
        silent.put(path, true);
    }

    public void answerWithBody(String path, int bytes) {
        bodySizes.put(path, bytes);
    }

    public List<Received> to(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
