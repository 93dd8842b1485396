package org.itsm.gateway.stream;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a subscriber stands in the platform's event log: for each Kafka partition, the offset of the last event it has
 * passed. Kafka offsets are the same for every reader, so a position issued by one gateway replica means the same on
 * another. Written as the SSE {@code id}, e.g. {@code itsm.change.events-0:41,itsm.incident.events-2:7}.
 */
public record StreamPosition(Map<TopicPartition, Long> offsets) {

    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    public StreamPosition {
        offsets = Map.copyOf(offsets);
    }

    /** The offset of the last event passed in that partition, if the position knows the partition. */
    public Optional<Long> lastOffset(TopicPartition partition) {
        return Optional.ofNullable(offsets.get(partition));
    }

    /** Whether the event at that offset comes after this position. */
    public boolean precedes(TopicPartition partition, long offset) {
        Long last = offsets.get(partition);
        return last == null || offset > last;
    }

    /** The later of the two positions in each partition. */
    public StreamPosition max(StreamPosition other) {
        Map<TopicPartition, Long> merged = new HashMap<>(offsets);
        other.offsets.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return new StreamPosition(merged);
    }

    public String encode() {
        return offsets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .map(entry -> entry.getKey().topic() + "-" + entry.getKey().partition() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    /** Reads an encoded position; empty when the text is not one (a client's invention or another gateway's format). */
    public static Optional<StreamPosition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String entry : text.trim().split(",", -1)) {
            int colon = entry.lastIndexOf(':');
            int dash = colon < 0 ? -1 : entry.lastIndexOf('-', colon);
            if (dash <= 0) {
                return Optional.empty();
            }
            try {
                int partition = Integer.parseInt(entry.substring(dash + 1, colon));
                long offset = Long.parseLong(entry.substring(colon + 1));
                if (partition < 0 || offset < -1) {
                    return Optional.empty();
                }
                offsets.put(new TopicPartition(entry.substring(0, dash), partition), offset);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(offsets));
    }
}
