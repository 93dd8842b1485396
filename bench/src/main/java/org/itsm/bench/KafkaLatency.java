package org.itsm.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under event propagation: raw produce-to-consume latency on the platform's broker. A fresh topic
 * ({@code itsm.bench.latency-<millis>}, deleted afterwards), a producer configured like the services' outbox
 * producers (acks=all, idempotence, linger.ms=1, string serializers) and a consumer in its own group with the
 * client defaults the services' consumers keep. Messages are sent paced ({@code --interval-us}) so that this
 * measures latency, not a queue; each carries its send time (System.nanoTime, same JVM) and the consumer
 * subtracts it on receipt. The first {@code --warmup} messages are not counted; {@code failed} counts the
 * measured messages that never arrived within {@code --timeout-ms} after the last send.
 *
 * <p>A summary for people goes to stderr; stdout gets only
 * {@code RESULT kafka-produce-consume <p50> <p95> <p99> <max> <failed> <count>} (read by bench/run).
 */
public final class KafkaLatency {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("messages", "2000");
        defaults.put("warmup", "200");
        defaults.put("interval-us", "2000");
        defaults.put("payload-bytes", "1024");
        defaults.put("timeout-ms", "10000");
        defaults.put("bootstrap-servers", "127.0.0.1:9092");
        return defaults;
    }

    public static void main(String[] args) {
        // the Kafka clients log their whole configuration at INFO; warnings and errors still show (on stderr)
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (Options.wantsHelp(args)) {
            System.out.println("KafkaLatency: produce-to-consume latency on the platform's broker. Options (defaults shown):");
            System.out.print(Options.help(DEFAULTS));
            return;
        }
        try {
            run(Options.parse(args, DEFAULTS));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("kafka latency: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(Options options) {
        int measured = options.integer("messages", 1);
        int warmup = options.integer("warmup", 0);
        long intervalNanos = TimeUnit.MICROSECONDS.toNanos(options.integer("interval-us", 0));
        int payloadBytes = options.integer("payload-bytes", 32);
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.integer("timeout-ms", 1));
        String servers = options.text("bootstrap-servers");
        String topic = "itsm.bench.latency-" + System.currentTimeMillis();
        int total = warmup + measured;

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
            try {
                long[] latencies = new long[total];
                Arrays.fill(latencies, -1);
                System.err.printf("Raw Kafka latency: %d messages (+%d warm-up), one every %d us, on %s%n", measured,
                        warmup, TimeUnit.NANOSECONDS.toMicros(intervalNanos), servers);
                measure(servers, topic, total, intervalNanos, payloadBytes, timeoutNanos, latencies);
                long[] counted = Arrays.stream(latencies, warmup, total).filter(latency -> latency >= 0).toArray();
                LatencyStats stats = LatencyStats.ofNanos("kafka-produce-consume", counted, measured - counted.length);
                System.err.println();
                System.err.printf("Raw Kafka on %s (topic %s, 1 partition, acks=all, idempotent, linger.ms=1, %d-byte"
                        + " messages, one every %d us):%n", servers, topic, payloadBytes,
                        TimeUnit.NANOSECONDS.toMicros(intervalNanos));
                System.err.println("  " + stats.humanLine());
                System.err.printf("  machine load average (1 min) at the end: %.1f on %d cores%n",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                System.out.println(stats.resultLine());
            } finally {
                cleanUp(admin, topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + servers + ": " + e, e);
        }
    }

    /** Best effort: a failure here must not hide the figures or the error that came first. */
    private static void cleanUp(Admin admin, String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(groupOf(topic))).all().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("kafka latency: could not delete topic " + topic + " or its group: " + e);
        }
    }

    private static void measure(String servers, String topic, int total, long intervalNanos, int payloadBytes,
            long timeoutNanos, long[] latencies) throws InterruptedException {
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean assigned = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumerThread = new Thread(() -> consume(servers, topic, latencies, received, assigned, stop),
                "bench-consumer");
        consumerThread.start();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!assigned.get()) {
            if (System.nanoTime() > waitUntil || !consumerThread.isAlive()) {
                stop.set(true);
                throw new IllegalStateException("the consumer got no partition within 30 s");
            }
            Thread.sleep(10);
        }
        String padding = "x".repeat(Math.max(0, payloadBytes - 32));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(servers))) {
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), i + " " + sent + " " + padding));
                next += intervalNanos;
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stop.set(true);
        consumerThread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private static void consume(String servers, String topic, long[] latencies, AtomicInteger received,
            AtomicBoolean assigned, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(servers, topic))) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                if (!consumer.assignment().isEmpty()) {
                    assigned.set(true);
                }
                for (ConsumerRecord<String, String> record : records) {
                    String[] fields = record.value().split(" ", 3);
                    int index = Integer.parseInt(fields[0]);
                    if (index >= 0 && index < latencies.length && latencies[index] < 0) {
                        latencies[index] = now - Long.parseLong(fields[1]);
                        received.incrementAndGet();
                    }
                }
            }
        }
    }

    /** The outbox producers' settings (see the services' application.properties, outgoing outbox-events). */
    static Properties producerConfig(String servers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "12000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    static String groupOf(String topic) {
        return topic + "-consumer";
    }

    /** A group of its own; otherwise the client defaults, which the services' consumers keep too. */
    static Properties consumerConfig(String servers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf(topic));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
