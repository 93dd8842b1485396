package org.itsm.gateway;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

/** A Server-Sent Events client for the tests: collects the frames of one stream as they arrive. */
final class SseClient implements AutoCloseable {

    /** One SSE frame: an event (id, event name, data) or a comment line. */
    record Frame(String id, String event, String data, String comment) {

        boolean isEvent() {
            return data != null;
        }

        JsonObject json() {
            return new JsonObject(data);
        }
    }

    private final HttpClient client;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private HttpClientResponse response;
    private String id;
    private String event;
    private StringBuilder data;

    private SseClient(HttpClient client) {
        this.client = client;
    }

    static SseClient open(Vertx vertx, URL gateway, String authorization, String lastEventId) {
        HttpClient client = vertx.createHttpClient();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(gateway.getHost())
                .setPort(gateway.getPort()).setURI("/api/v1/stream").putHeader("Accept", "text/event-stream");
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        SseClient sse = new SseClient(client);
        // The handler is set as the response arrives, so that no frame sent with the headers is lost.
        sse.response = client.request(options).compose(request -> request.send())
                .map(response -> response.handler(RecordParser.newDelimited("\n", sse::line)))
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        return sse;
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.getHeader(name);
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    List<Frame> events() {
        return frames.stream().filter(Frame::isEvent).toList();
    }

    /** Waits for the first frame that matches. */
    Frame await(Predicate<Frame> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Frame frame : frames) {
                if (match.test(frame)) {
                    return frame;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No matching frame within " + timeout + "; received " + frames);
    }

    /** Waits for the event whose CloudEvent id is given. */
    Frame awaitEvent(String cloudEventId) throws InterruptedException {
        return await(frame -> frame.isEvent() && cloudEventId.equals(frame.json().getString("id")), Duration.ofSeconds(15));
    }

    boolean received(String cloudEventId) {
        return events().stream().anyMatch(frame -> cloudEventId.equals(frame.json().getString("id")));
    }

    /** The id the client would send as Last-Event-ID on reconnecting: the last one received, with or without data. */
    String lastEventId() {
        String last = null;
        for (Frame frame : frames) {
            if (frame.id() != null) {
                last = frame.id();
            }
        }
        return last;
    }

    private void line(io.vertx.core.buffer.Buffer buffer) {
        String line = buffer.toString();
        if (line.isEmpty()) {
            if (id != null || event != null || data != null) {
                frames.add(new Frame(id, event, data == null ? null : data.toString(), null));
            }
            id = null;
            event = null;
            data = null;
        } else if (line.startsWith(":")) {
            frames.add(new Frame(null, null, null, line.substring(1).trim()));
        } else if (line.startsWith("id: ")) {
            id = line.substring(4);
        } else if (line.startsWith("event: ")) {
            event = line.substring(7);
        } else if (line.startsWith("data: ")) {
            data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
        }
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    }
}
