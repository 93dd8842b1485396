package org.itsm.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Really starts PostgreSQL and Kafka (no mocks), as the services' test resources will. */
class PostgresAndKafkaLauncherTest {

    private static final String TOPIC = "itsm.test.events";

    @TempDir
    Path dataDir;

    @Test
    void startsPostgresAndKafkaKeepsKafkaDataAcrossARestartAndStopsEverything() throws Exception {
        PostgresLauncher postgres = new PostgresLauncher(dataDir.resolve("postgres"), Ports.freePort());
        KafkaLauncher kafka = new KafkaLauncher(dataDir.resolve("kafka"), Ports.freePort(), Ports.freePort());
        List<Long> pids = new ArrayList<>();
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(postgres::start), CompletableFuture.runAsync(kafka::start))
                    .join();
            pids.add(recordedPid(dataDir.resolve("postgres/postgres.pid")));
            pids.add(recordedPid(dataDir.resolve("kafka/kafka.pid")));

            postgres.createDatabase("incident");
            postgres.createDatabase("incident");
            assertTrue(ManagedProcess.succeeds(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                    Integer.toString(postgres.port()), "-U", postgres.username(), "-d", "incident", "-c", "SELECT 1"),
                    Duration.ofSeconds(5)), "the new database accepts connections");
            assertEquals("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/incident", postgres.jdbcUrl("incident"));

            kafka.createTopics(TOPIC);
            kafka.createTopics(TOPIC);
            produce(kafka, "INC0001001", "created");
            assertEquals(Optional.of("created"), firstRecord(kafka));

            kafka.restart();
            pids.add(recordedPid(dataDir.resolve("kafka/kafka.pid")));
            assertEquals(Optional.of("created"), firstRecord(kafka), "the record survives a broker restart");
        } finally {
            kafka.stop();
            postgres.stop();
        }
        assertFalse(postgres.isRunning());
        assertFalse(kafka.isRunning());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ManagedProcess::isAlive).orElse(false), "process " + pid + " is gone");
        }
    }

    private static long recordedPid(Path pidFile) throws Exception {
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private static void produce(KafkaLauncher kafka, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the beginning without a consumer group. */
    private static Optional<String> firstRecord(KafkaLauncher kafka) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return Optional.of(record.value());
                }
            }
            return Optional.empty();
        }
    }
}
