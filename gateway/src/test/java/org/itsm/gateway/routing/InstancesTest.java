package org.itsm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Round robin over an upstream's instances, moving on when a connection cannot be opened; real sockets, no Quarkus. */
class InstancesTest {

    private static final Predicate<Throwable> REFUSED = Upstream::isRefused;

    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void takesTheInstancesInTurn() {
        Instances instances = instances(Duration.ofMinutes(1), server("a"), server("b"), server("c"));
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), answers(instances, 7));
    }

    @Test
    void opensTheRequestOnTheNextInstanceWhenAConnectionCannotBeOpened() {
        Instance down = instance(unusedPort());
        Instances instances = new Instances("test-service", List.of(down, instance(server("up"))), new RequestOptions(),
                REFUSED, Duration.ofMinutes(1));

        // The first in turn refuses: the request goes to the next one, and the refusing one is left out from then on.
        assertEquals(List.of("up", "up", "up", "up"), answers(instances, 4));
        assertFalse(down.available());
    }

    @Test
    void triesAnInstanceLeftOutAgainOnceItsDelayHasPassed() throws Exception {
        int port = unusedPort();
        Instance comeback = instance(port);
        Instances instances = new Instances("test-service", List.of(comeback, instance(server("steady"))),
                new RequestOptions(), REFUSED, Duration.ofMillis(300));
        assertEquals(List.of("steady", "steady"), answers(instances, 2));
        assertFalse(comeback.available());

        server("comeback", port);
        Thread.sleep(400);
        assertTrue(comeback.available());
        List<String> answers = answers(instances, 4);
        assertEquals(2, answers.stream().filter("comeback"::equals).count(), answers.toString());
    }

    @Test
    void failsWithTheConnectionFailureWhenNoInstanceCanBeReached() {
        Instance first = instance(unusedPort());
        Instance second = instance(unusedPort());
        Instances instances = new Instances("test-service", List.of(first, second), new RequestOptions(), REFUSED,
                Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            // Left out or not, they are all tried while none other is there.
            CompletionException failure = assertThrows(CompletionException.class, () -> join(instances.open(client,
                    new RequestOptions())));
            assertInstanceOf(ConnectException.class, failure.getCause());
        }
        assertFalse(first.available());
        assertFalse(second.available());
    }

    @Test
    void leavesOtherFailuresToTheCaller() {
        Instance down = instance(unusedPort());
        Instances instances = new Instances("test-service", List.of(down, instance(server("up"))), new RequestOptions(),
                failure -> false, Duration.ofMinutes(1));
        assertThrows(CompletionException.class, () -> join(instances.open(client, new RequestOptions())));
        assertTrue(down.available());
    }

    private Instances instances(Duration leaveOut, int... ports) {
        List<Instance> all = new ArrayList<>();
        for (int port : ports) {
            all.add(instance(port));
        }
        return new Instances("test-service", all, new RequestOptions(), REFUSED, leaveOut);
    }

    private static Instance instance(int port) {
        return new Instance("test", "test-service", URI.create("http://localhost:" + port));
    }

    /**
     * Sends one request after another, each opened by {@code instances}; the names of the servers that answered. Each
     * exchange runs on a Vert.x context, as the gateway's do: chained from the test thread, the body handler could be
     * set after the response had already ended on the event loop, and the answer read as empty.
     */
    private List<String> answers(Instances instances, int count) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Promise<Buffer> body = Promise.promise();
            vertx.runOnContext(ignored -> instances.open(client,
                    new RequestOptions().setMethod(HttpMethod.GET).setURI("/"))
                    .compose(HttpClientRequest::send)
                    .compose(HttpClientResponse::body)
                    .onComplete(body));
            answers.add(join(body.future()).toString());
        }
        return answers;
    }

    private int server(String name) {
        return server(name, 0);
    }

    private int server(String name, int port) {
        return join(vertx.createHttpServer().requestHandler(request -> request.response().end(name)).listen(port))
                .actualPort();
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
