package org.itsm.gateway.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.kafka.common.TopicPartition;

import io.vertx.core.json.JsonObject;

/**
 * The platform's recent events as this gateway read them, in arrival order, bounded to a capacity, and the live
 * subscribers they are handed to. A resuming subscriber gets the held events after its position; when events it has
 * not seen are no longer held (evicted, or read before this gateway was there), it is told so instead of silently
 * missing them.
 */
public final class RecentEvents {

    /** Receives live events. Called while the log is locked: implementations hand the event on and return. */
    public interface Subscriber {
        void deliver(PlatformEvent event);
    }

    /**
     * What a new subscriber starts with: the held events after its position, whether events between its position and
     * those are missing, and the current head (the position after everything read so far).
     */
    public record Subscription(List<PlatformEvent> replay, boolean missedEvents, StreamPosition head, Runnable cancel) {
    }

    private final int capacity;
    private final ArrayDeque<PlatformEvent> events;
    /** Per partition: the offset of the last event read, or the offset before the first one to read. */
    private final Map<TopicPartition, Long> head = new HashMap<>();
    /** Per partition: the first offset from which every event read is still held. */
    private final Map<TopicPartition, Long> heldFrom = new HashMap<>();
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The event buffer needs room for at least one event");
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** The offset to go on reading a partition from, when this log has read it before. */
    public synchronized Optional<Long> nextOffset(TopicPartition partition) {
        return Optional.ofNullable(head.get(partition)).map(last -> last + 1);
    }

    /** A partition this gateway starts reading at that offset; no effect for one it has read before. */
    public synchronized void reading(TopicPartition partition, long startOffset) {
        head.putIfAbsent(partition, startOffset - 1);
        heldFrom.putIfAbsent(partition, startOffset);
    }

    /** Adds an event read from Kafka and hands it to the live subscribers. */
    public synchronized PlatformEvent append(TopicPartition partition, long offset, String id, String type,
            String source, String subject, String time, JsonObject data) {
        head.put(partition, offset);
        heldFrom.putIfAbsent(partition, offset);
        PlatformEvent event = new PlatformEvent(partition, offset, new StreamPosition(head).encode(), id, type, source,
                subject, time, data);
        if (events.size() == capacity) {
            PlatformEvent evicted = events.removeFirst();
            heldFrom.put(evicted.partition(), evicted.offset() + 1);
        }
        events.addLast(event);
        subscribers.forEach(subscriber -> subscriber.deliver(event));
        return event;
    }

    /**
     * Registers a live subscriber. From a position: the held events after it are replayed first (atomically with the
     * registration, so none falls between replay and live delivery), and live events at or before it are skipped.
     */
    public synchronized Subscription subscribe(Optional<StreamPosition> from, Subscriber subscriber) {
        List<PlatformEvent> replay = new ArrayList<>();
        boolean missed = false;
        Subscriber registered = subscriber;
        if (from.isPresent()) {
            StreamPosition position = from.get();
            for (PlatformEvent event : events) {
                if (position.precedes(event.partition(), event.offset())) {
                    replay.add(event);
                }
            }
            missed = missedSince(position);
            registered = event -> {
                if (position.precedes(event.partition(), event.offset())) {
                    subscriber.deliver(event);
                }
            };
        }
        subscribers.add(registered);
        Subscriber added = registered;
        return new Subscription(replay, missed, new StreamPosition(head), () -> subscribers.remove(added));
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Whether events after the position may exist that this log does not hold. */
    private boolean missedSince(StreamPosition position) {
        for (Map.Entry<TopicPartition, Long> entry : position.offsets().entrySet()) {
            Long held = heldFrom.get(entry.getKey());
            // A partition this gateway does not read (yet) cannot be vouched for.
            if (held == null || entry.getValue() + 1 < held) {
                return true;
            }
        }
        return false;
    }
}
