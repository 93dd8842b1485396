package org.itsm.gateway.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.presence.PresenceBoard.Activity;
import org.itsm.gateway.presence.PresenceBoard.Heartbeat;
import org.itsm.gateway.presence.PresenceBoard.Present;
import org.itsm.gateway.presence.PresenceBoard.RecordRef;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Presence use cases, shared by the gateway instances through the {@code itsm.presence} topic: each instance applies
 * its callers' heartbeats and leaves to its own {@link PresenceBoard} at once and publishes them; every instance reads
 * the whole topic (a consumer group of its own, committing nothing, starting one expiry back in time) and applies
 * the other instances' messages. Subscribers (the live stream) hear of every record whose view changed, expiries
 * included.
 */
@ApplicationScoped
@Default // also injected as itself, beside the connector's lookup by identifier
@Identifier(Presence.REBALANCE_LISTENER)
public class Presence implements KafkaConsumerRebalanceListener {

    static final String REBALANCE_LISTENER = "presence-reader";

    private static final Logger LOG = Logger.getLogger(Presence.class);
    private static final String LEFT = "left";

    private final String instance = UUID.randomUUID().toString();
    private final PresenceBoard board;
    private final Clock clock;
    private final Emitter<String> out;
    private final GatewayConfig.Presence config;
    private final Set<Consumer<RecordRef>> subscribers = new CopyOnWriteArraySet<>();

    public Presence(GatewayConfig config, Clock clock,
            @Channel("presence-out") @OnOverflow(OnOverflow.Strategy.DROP) Emitter<String> out) {
        this.config = config.presence();
        this.board = new PresenceBoard(this.config.expiry());
        this.clock = clock;
        this.out = out;
    }

    void startSweeping(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> board.expire(clock.instant()).forEach(this::changed));
    }

    /** Who else is on the record. */
    public List<Present> present(RecordRef record, String user) {
        return board.present(record, user, clock.instant());
    }

    /** A caller's tab is on the record; returns who else is. */
    public List<Present> beat(RecordRef record, String user, String displayName, String session, Activity activity) {
        Instant now = clock.instant();
        if (board.beat(new Heartbeat(record, user, displayName, session, activity, now), now)) {
            changed(record);
        }
        publish(record, user, session, new JsonObject().put("displayName", displayName).put("activity", activity.wire()),
                now);
        return board.present(record, user, now);
    }

    /** A caller's tab left the record. */
    public void leave(RecordRef record, String user, String session) {
        Instant now = clock.instant();
        if (board.leave(record, user, session, now)) {
            changed(record);
        }
        publish(record, user, session, new JsonObject().put("activity", LEFT), now);
    }

    /** Calls back with each record whose view changes, until the returned action runs. */
    public Runnable subscribe(Consumer<RecordRef> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Incoming("presence-in")
    public void receive(ConsumerRecord<String, String> record) {
        JsonObject message = json(record.value());
        if (message == null || instance.equals(message.getString("instance"))) {
            return;
        }
        try {
            RecordRef ref = PresenceInput.record(message.getString("recordType", ""),
                    message.getString("recordNumber", "")).value().orElseThrow();
            String user = required(message, "user");
            String session = required(message, "session");
            Instant at = Instant.parse(required(message, "at"));
            String activity = required(message, "activity");
            Instant now = clock.instant();
            boolean changed = LEFT.equals(activity)
                    ? board.leave(ref, user, session, now)
                    : board.beat(new Heartbeat(ref, user, message.getString("displayName", user), session,
                            Activity.valueOf(activity.toUpperCase(java.util.Locale.ROOT)), at), now);
            if (changed) {
                changed(ref);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Skipping %s-%d@%d: not a presence message", record.topic(), record.partition(), record.offset());
        }
    }

    /** Runs on the polling thread when partitions are assigned: starts reading one expiry back in time. */
    @Override
    public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long from = clock.instant().minus(config.expiry()).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
        }
    }

    private void publish(RecordRef record, String user, String session, JsonObject message, Instant at) {
        String key = record.type() + "/" + record.number() + "/" + user + "/" + session;
        message.put("instance", instance).put("recordType", record.type()).put("recordNumber", record.number())
                .put("user", user).put("session", session).put("at", at.toString());
        out.send(Message.of(message.encode())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
    }

    private void changed(RecordRef record) {
        for (Consumer<RecordRef> subscriber : subscribers) {
            subscriber.accept(record);
        }
    }

    private static String required(JsonObject message, String field) {
        String value = message.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
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
