package org.itsm.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itsm.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads every event of the platform's topics (binary-mode CloudEvents) into the {@link RecentEvents} the stream
 * serves. Each gateway replica reads all of them in a consumer group of its own, and commits nothing: on start it
 * reads back a share of the buffer's capacity from each partition, so that a client resuming on a freshly started
 * replica still finds the events it missed.
 */
@ApplicationScoped
@Default // also injected as itself, beside the connector's lookup by identifier
@Identifier(EventRelay.REBALANCE_LISTENER)
public class EventRelay implements KafkaConsumerRebalanceListener {

    static final String REBALANCE_LISTENER = "platform-events-reader";

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final RecentEvents recentEvents;
    private final int bufferSize;
    private final Counter relayed;
    private final Counter unreadable;

    public EventRelay(GatewayConfig config, MeterRegistry registry) {
        this.bufferSize = config.stream().bufferSize();
        this.recentEvents = new RecentEvents(bufferSize);
        this.relayed = Counter.builder("itsm.gateway.stream.events").description("Platform events read for the live stream")
                .tag("outcome", "read").register(registry);
        this.unreadable = Counter.builder("itsm.gateway.stream.events")
                .description("Platform events read for the live stream").tag("outcome", "unreadable").register(registry);
    }

    public RecentEvents recentEvents() {
        return recentEvents;
    }

    @Incoming("platform-events")
    public void relay(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        JsonObject data = json(record.value());
        if (id == null || type == null || data == null) {
            // Not a CloudEvent with JSON data: nothing a client could use, and no reason to stop the stream.
            LOG.warnf("Skipping %s-%d@%d: not a binary-mode CloudEvent with JSON data", record.topic(), record.partition(),
                    record.offset());
            unreadable.increment();
            return;
        }
        recentEvents.append(new TopicPartition(record.topic(), record.partition()), record.offset(), id, type,
                header(record, "ce_source"), header(record, "ce_subject"), header(record, "ce_time"), data);
        relayed.increment();
    }

    /** Runs on the polling thread when partitions are assigned: positions each partition before the first poll. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long readBack = Math.max(1, bufferSize / partitions.size());
        for (TopicPartition partition : partitions) {
            long start = recentEvents.nextOffset(partition)
                    .orElse(Math.max(beginning.get(partition), end.get(partition) - readBack));
            consumer.seek(partition, start);
            recentEvents.reading(partition, start);
        }
        LOG.debugf("Reading %s", List.copyOf(partitions));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new JsonObject(value);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
