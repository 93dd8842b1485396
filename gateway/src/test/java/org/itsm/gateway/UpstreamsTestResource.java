package org.itsm.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.itsm.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stand-in services for the gateway tests: Vert.x servers on free ports that echo what reached them (method, URI,
 * headers, body length and digest) and serve a small OpenAPI document at {@code /q/openapi}, except paths ending in {@code /hang-up}, where they close the connection.
 * {@code slow} answers after 3 s, and {@code offline} is a port nobody listens on. {@code flaky} hangs up on the
 * first try of each request (by {@code X-Request-Id}) and answers the next, adding {@code attempt} to the echo;
 * {@code /api/v1/flaky/attempts?id=...} tells how many tries of a request reached it. Also points quarkus-oidc at the {@link TestTokens} key, so no Keycloak is needed.
 */
public class UpstreamsTestResource implements QuarkusTestResourceLifecycleManager {

    private static final long SLOW_MILLIS = 3_000;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] { "incident", "change", "problem", "catalog", "notification" }) {
            config.put("itsm.gateway.upstreams." + name, "http://localhost:" + echoServer(name, 0));
        }
        config.put("itsm.gateway.upstreams.slow", "http://localhost:" + echoServer("slow", SLOW_MILLIS));
        config.put("itsm.gateway.routes.slow", "/api/v1/slow");
        config.put("itsm.gateway.upstreams.flaky", "http://localhost:" + flakyServer());
        config.put("itsm.gateway.routes.flaky", "/api/v1/flaky");
        config.put("itsm.gateway.upstreams.offline", "http://localhost:" + unusedPort());
        config.put("itsm.gateway.routes.offline", "/api/v1/offline");
        // Without a server URL, quarkus-oidc verifies tokens with the public key alone.
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    int echoServer(String name, long delayMillis) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else if (request.path().endsWith("/hang-up")) {
                request.connection().close();
            } else {
                request.body().onSuccess(body -> {
                    JsonObject echo = request.path().equals("/q/openapi") ? openApi(name, request.uri())
                            : echo(name, request, body.getBytes());
                    if (delayMillis > 0) {
                        vertx.setTimer(delayMillis, t -> request.response().end(echo.encode()));
                    } else {
                        request.response().putHeader("Content-Type", "application/json").end(echo.encode());
                    }
                });
            }
        });
        return server.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private int flakyServer() {
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else if (request.path().endsWith("/attempts")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("attempts", attempts.getOrDefault(request.getParam("id"), 0)).encode());
            } else {
                int attempt = attempts.merge(request.getHeader("X-Request-Id"), 1, Integer::sum);
                if (attempt == 1) {
                    request.connection().close();
                } else {
                    request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                            .end(echo("flaky", request, body.getBytes()).put("attempt", attempt).encode()));
                }
            }
        });
        return server.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static JsonObject echo(String name, HttpServerRequest request, byte[] body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        return new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("bodyLength", body.length)
                .put("bodySha256", sha256(body));
    }

    /** A small document per service: a path of its own, a {@code Problem} schema shared by all, a differing {@code Record}. */
    private static JsonObject openApi(String name, String uri) {
        JsonObject recordRef = new JsonObject().put("$ref", "#/components/schemas/Record");
        JsonObject get = new JsonObject().put("tags", new JsonArray().add(name)).put("responses", new JsonObject().put("200",
                new JsonObject().put("description", "OK").put("content",
                        new JsonObject().put("application/json", new JsonObject().put("schema", recordRef)))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name + "-service").put("version", "1").put("x-request-uri", uri))
                .put("paths", new JsonObject().put("/api/v1/" + name + "-records", new JsonObject().put("get", get)))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object"))
                        .put("Record", new JsonObject().put("type", "object").put("title", name + " record"))))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
