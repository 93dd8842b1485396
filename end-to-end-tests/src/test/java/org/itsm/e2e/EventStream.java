package org.itsm.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A subscriber to the gateway's live stream ({@code GET /api/v1/stream}, Server-Sent Events of CloudEvents). */
final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One CloudEvent as the stream delivered it; {@code data} is its payload as JSON text. */
    record Event(String type, String subject, String data) {
    }

    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private volatile Stream<String> lines;

    private EventStream() {
    }

    static EventStream open(String user) throws Exception {
        EventStream stream = new EventStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create(PlatformExtension.gatewayUrl() + "/api/v1/stream"))
                .header("Authorization", Tokens.bearer(user)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream refused: " + response.statusCode());
        }
        stream.lines = response.body();
        stream.reader.submit(() -> stream.lines.filter(line -> line.startsWith("data:"))
                .forEach(line -> stream.received.add(parse(line.substring("data:".length()).strip()))));
        return stream;
    }

    /** Waits for a matching event and returns it; fails after {@code timeout}. */
    Event await(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Event event : received) {
                if (matching.test(event)) {
                    return event;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no matching event on the stream within " + timeout + "; received "
                + received.stream().map(Event::type).toList());
    }

    private static Event parse(String json) {
        try {
            JsonNode event = JSON.readTree(json);
            return new Event(event.path("type").asText(), event.path("subject").asText(null), event.path("data").toString());
        } catch (Exception e) {
            return new Event("unparseable", null, json);
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.shutdownNow();
    }
}
