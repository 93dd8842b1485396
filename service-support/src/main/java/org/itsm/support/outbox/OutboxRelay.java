package org.itsm.support.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes committed outbox rows to Kafka as binary-mode CloudEvents (idempotent producer, acks=all) and deletes
 * them in the same transaction that locked them, once Kafka has acknowledged them. A crash or a broker outage only
 * delays events: rows stay and the next run sends them again (consumers are idempotent on the event id).
 *
 * <p>Woken by PostgreSQL NOTIFY on commit for low latency, with a slow poll as a safety net. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas never publish the same batch at once.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    // Field injection: the messaging extension wires emitters it finds on injected fields.
    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final PgSubscriber subscriber;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rerunRequested = new AtomicBoolean();
    private final Scheduler scheduler;
    private volatile boolean stopped;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, Scheduler scheduler,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.config = config;
        this.scheduler = scheduler;
        PgConnectOptions listenOptions = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
                .setUser(username);
        password.ifPresent(listenOptions::setPassword);
        this.subscriber = PgSubscriber.subscriber(vertx, listenOptions)
                .reconnectPolicy(attempts -> 1000L);
    }

    /**
     * The poll is scheduled here rather than with {@code @Scheduled}: a scheduled trigger can fire while the
     * application is still starting, before the messaging extension has wired the emitter this bean needs.
     */
    void onStart(@Observes StartupEvent event) {
        scheduler.newJob(OutboxRelay.class.getName() + ".poll")
                .setInterval(config.pollInterval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> wake())
                .schedule();
        subscriber.channel("outbox_event").handler(ignored -> wake());
        subscriber.connect().subscribe().with(
                connected -> wake(),
                failure -> LOG.warnf("Outbox LISTEN unavailable, relying on polling: %s", failure.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        subscriber.close().await().indefinitely();
    }

    /** Starts a relay run now, or right after the current one. Never blocks the caller. */
    public void wake() {
        if (stopped) {
            return;
        }
        rerunRequested.set(true);
        if (running.compareAndSet(false, true)) {
            runUntilDrained();
        }
    }

    private void runUntilDrained() {
        rerunRequested.set(false);
        publishBatch()
                .emitOn(Infrastructure.getDefaultExecutor())
                .subscribe().with(
                        published -> {
                            if (published == config.batchSize()) {
                                rerunRequested.set(true);
                            }
                            finishRun();
                        },
                        failure -> {
                            LOG.warnf("Outbox relay run failed, events stay queued: %s", failure.getMessage());
                            rerunRequested.set(false);
                            running.set(false);
                        });
    }

    private void finishRun() {
        running.set(false);
        if (rerunRequested.get() && running.compareAndSet(false, true)) {
            runUntilDrained();
        }
    }

    /** Publishes one batch; returns how many events it published. */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> claimBatch(connection)
                .flatMap(batch -> batch.isEmpty()
                        ? Uni.createFrom().item(0)
                        : publishAll(batch).flatMap(ignored -> remove(connection, batch))));
    }

    private Uni<List<PendingEvent>> claimBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                select id, aggregate_id, type, subject, payload, created_at from outbox_event
                order by seq limit $1 for update skip locked""")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getUUID("id"), row.getUUID("aggregate_id"), row.getString("type"),
                                row.getString("subject"), row.getString("payload"), row.getOffsetDateTime("created_at")));
                    }
                    return batch;
                });
    }

    /** Sends in commit order; Kafka keeps per-key order with the idempotent producer. */
    private Uni<Void> publishAll(List<PendingEvent> batch) {
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid()
                .ifNoItem().after(config.publishTimeout()).failWith(() -> new IllegalStateException(
                        "Kafka did not acknowledge " + batch.size() + " events within " + config.publishTimeout()));
    }

    private Uni<Void> send(PendingEvent event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(URI.create(config.source()))
                .withSubject(event.subject())
                .withTimestamp(event.createdAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafkaRecord = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId().toString())
                .build();
        return emitter.sendMessage(Message.of(event.payload()).addMetadata(cloudEvent).addMetadata(kafkaRecord));
    }

    private Uni<Integer> remove(SqlConnection connection, List<PendingEvent> batch) {
        UUID[] ids = batch.stream().map(PendingEvent::id).toArray(UUID[]::new);
        return connection.preparedQuery("delete from outbox_event where id = any($1)")
                .execute(Tuple.of(ids))
                .map(ignored -> batch.size());
    }

    private record PendingEvent(UUID id, UUID aggregateId, String type, String subject, String payload,
            OffsetDateTime createdAt) {
    }
}
