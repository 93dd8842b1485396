package org.itsm.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Event propagation on the running platform: the time from the approval vote that completes CAB quorum (taken just
 * before that vote's request is sent) to the moment catalog-service shows the change as planned on the affected
 * service ({@code GET /api/v1/catalog/services/{id}}, {@code plannedChanges}). In between: change-service commits the
 * vote with its {@code itsm.change.approved.v1} outbox row, the outbox relay publishes it to Kafka, catalog-service
 * consumes it and commits the mark.
 *
 * <p>Talks to change-service and catalog-service directly (not through the gateway), so the gateway's proxying is
 * not part of the figure. One catalog service is created for the run (and retired at the end); each change is
 * raised by {@code requester}, submitted, assessed medium risk by {@code change-manager} (CAB route), approved by
 * {@code cab1}, then by {@code cab2} (the measured, quorum-completing vote), polled for on the catalog by
 * {@code agent} every {@code --poll-ms} until visible or {@code --timeout-ms}, and cancelled by
 * {@code change-manager} (which removes the mark again). {@code --concurrency} changes are in flight at once, each
 * with its own poller. The first {@code --warmup} changes are not counted.
 *
 * <p>Progress and a summary for people go to stderr; stdout gets only {@link LatencyStats#resultLine() RESULT lines}
 * (read by bench/run): {@code event-propagation}
 * (vote sent → visible), {@code quorum-vote-call} (vote sent → its 2xx answer) and {@code after-vote-answer}
 * (answer → visible). A visible time is the arrival of the first poll answer that shows the mark, so it is late
 * by at most one poll cycle (the mean cycle is printed). Polls cost catalog-service CPU: a shorter {@code --poll-ms}
 * sharpens the visible time but loads the service being measured (on two cores, 2 ms polls slowed its consumer).
 */
public final class EventPropagation {

    static final Map<String, String> DEFAULTS = defaults();

    private static final String MEDIUM_RISK = """
            {"impact": "MEDIUM", "complexity": "MEDIUM", "backoutDifficulty": "MEDIUM", "testing": "FULL"}""";
    private static final String APPROVE = "{\"decision\": \"APPROVE\", \"comment\": \"benchmark\"}";
    private static final String CANCEL = "{\"reason\": \"event propagation benchmark: measured\"}";

    /** One change's timings (System.nanoTime); visibleNanos is -1 when it never showed up, error set on failure. */
    record Sample(int index, String number, long voteSentNanos, long voteAnsweredNanos, long visibleNanos, int polls,
            long pollNanos, String error) {

        boolean visible() {
            return error == null && visibleNanos >= 0;
        }

        static Sample failed(int index, String number, String error) {
            return new Sample(index, number, -1, -1, -1, 0, 0, error);
        }
    }

    private final PlatformClient client;
    private final String changes;
    private final String catalog;
    private final int count;
    private final int warmup;
    private final int concurrency;
    private final long pollMillis;
    private final long timeoutNanos;
    private final AtomicInteger cancelFailures = new AtomicInteger();
    private String serviceId;

    EventPropagation(Options options) {
        this.client = new PlatformClient(options.url("keycloak-url"));
        this.changes = options.url("change-url") + "/api/v1/changes";
        this.catalog = options.url("catalog-url") + "/api/v1/catalog/services";
        this.count = options.integer("changes", 1);
        this.warmup = options.integer("warmup", 0);
        this.concurrency = options.integer("concurrency", 1);
        this.pollMillis = options.integer("poll-ms", 0);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.integer("timeout-ms", 1));
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("changes", "200");
        defaults.put("warmup", "10");
        defaults.put("concurrency", "4");
        defaults.put("poll-ms", "5");
        defaults.put("timeout-ms", "10000");
        defaults.put("change-url", "http://localhost:8082");
        defaults.put("catalog-url", "http://localhost:8084");
        defaults.put("keycloak-url", "http://localhost:8180");
        return defaults;
    }

    public static void main(String[] args) {
        if (Options.wantsHelp(args)) {
            System.out.println("""
                    EventPropagation: CAB quorum vote -> planned change visible on the catalog service, on the
                    running platform (./itsm up). Options (defaults shown):""");
            System.out.print(Options.help(DEFAULTS));
            return;
        }
        try {
            new EventPropagation(Options.parse(args, DEFAULTS)).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("event propagation: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    void run() {
        for (String user : List.of("catalog-manager", "requester", "change-manager", "cab1", "cab2", "agent")) {
            client.token(user);
        }
        JsonNode service = client.postOk("catalog-manager", catalog, """
                {"name": "Event propagation benchmark %s", "type": "TECHNICAL", "supportGroup": "benchmark",
                 "version": "1.0", "description": "Created by bench EventPropagation; retired when the run ends"}"""
                .formatted(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        serviceId = service.path("id").asText();
        String serviceNumber = service.path("number").asText();
        client.postOk("catalog-manager", catalog + "/" + serviceId + "/go-live", null);
        System.err.printf("Event propagation: %d changes (+%d warm-up), %d at a time, on catalog service %s; change-service"
                + " %s, catalog-service %s%n", count, warmup, concurrency, serviceNumber, changes, catalog);

        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Sample> samples;
        try {
            if (warmup > 0) {
                runBatch(workers, 0, warmup, "warm-up");
            }
            samples = runBatch(workers, warmup, count, "measured");
        } finally {
            workers.shutdownNow();
            retireService();
        }
        report(samples, serviceNumber);
    }

    private List<Sample> runBatch(ExecutorService workers, int first, int size, String label) {
        List<Future<Sample>> futures = new ArrayList<>();
        for (int i = first; i < first + size; i++) {
            int index = i;
            futures.add(workers.submit(() -> measure(index)));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<Sample> future : futures) {
            try {
                Sample sample = future.get();
                samples.add(sample);
                if (sample.error() != null) {
                    System.err.printf("  change %d (%s): %s%n", sample.index(), sample.number(), sample.error());
                }
            } catch (ExecutionException e) {
                samples.add(Sample.failed(-1, null, String.valueOf(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            if (samples.size() % 50 == 0 || samples.size() == size) {
                long[] sofar = samples.stream().filter(Sample::visible)
                        .mapToLong(s -> s.visibleNanos() - s.voteSentNanos()).toArray();
                System.err.printf("  %s %d/%d, p50 so far %s ms%n", label, samples.size(), size,
                        LatencyStats.ms(LatencyStats.ofNanos("sofar", sofar, 0).p50Ms()));
            }
        }
        return samples;
    }

    /** Prepares one change, casts the quorum vote, polls the catalog until the mark shows; cancels it after. */
    Sample measure(int index) {
        String id = null;
        String number = null;
        try {
            JsonNode created = createChange(index);
            id = created.path("id").asText();
            number = created.path("number").asText();
            String change = changes + "/" + id;
            client.postOk("requester", change + "/submit", null);
            JsonNode assessed = client.postOk("change-manager", change + "/assess", MEDIUM_RISK);
            String route = assessed.path("approval").path("route").asText();
            if (!"CAB".equals(route)) {
                return Sample.failed(index, number, "approval route " + route + ", not CAB");
            }
            client.postOk("cab1", change + "/approvals", APPROVE);
            if (index == 0) {
                // once: a quorum of one would make the first vote the measured one
                String status = client.json(client.get("agent", change + "/approvals").body()).path("status").asText();
                if (!"PENDING".equals(status)) {
                    throw new IllegalStateException("after one CAB vote the approval is " + status
                            + ": this benchmark needs itsm.change.cab-quorum=2");
                }
            }
            PlatformClient.Answer vote = client.post("cab2", change + "/approvals", APPROVE);
            if (!vote.ok()) {
                return Sample.failed(index, number, "quorum vote answered " + vote.status() + ": "
                        + PlatformClient.abbreviate(vote.body()));
            }
            return poll(index, id, number, vote);
        } catch (RuntimeException e) {
            return Sample.failed(index, number, e.getMessage());
        } finally {
            if (id != null) {
                cancel(id);
            }
        }
    }

    private Sample poll(int index, String id, String number, PlatformClient.Answer vote) {
        String serviceUrl = catalog + "/" + serviceId;
        long deadline = vote.sentNanos() + timeoutNanos;
        int polls = 0;
        long pollNanos = 0;
        while (true) {
            PlatformClient.Answer answer = client.get("agent", serviceUrl);
            polls++;
            pollNanos += answer.receivedNanos() - answer.sentNanos();
            if (answer.ok() && showsPlannedChange(client.json(answer.body()), id)) {
                return new Sample(index, number, vote.sentNanos(), vote.receivedNanos(), answer.receivedNanos(), polls,
                        pollNanos, null);
            }
            if (!answer.ok() && answer.status() != 404) {
                return Sample.failed(index, number, "catalog answered " + answer.status() + ": "
                        + PlatformClient.abbreviate(answer.body()));
            }
            if (answer.receivedNanos() > deadline) {
                return new Sample(index, number, vote.sentNanos(), vote.receivedNanos(), -1, polls, pollNanos, null);
            }
            if (pollMillis > 0) {
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
            }
        }
    }

    static boolean showsPlannedChange(JsonNode service, String changeId) {
        for (JsonNode mark : service.path("plannedChanges")) {
            if (changeId.equals(mark.path("changeId").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Raised by the requester; retried while change-service has not heard of the new catalog service yet. */
    private JsonNode createChange(int index) {
        Instant start = Instant.now().plus(2 + ThreadLocalRandom.current().nextLong(300), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS);
        String body = """
                {"type": "NORMAL", "title": "Event propagation benchmark %d", "justification": "benchmark",
                 "affectedServiceIds": ["%s"], "plannedStart": "%s", "plannedEnd": "%s",
                 "implementationPlan": "Deploy the release", "backoutPlan": "Redeploy the previous release",
                 "testPlan": "Smoke tests", "catalogUpdate": {"version": "2.0"}}"""
                .formatted(index, serviceId, start, start.plus(1, ChronoUnit.HOURS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            PlatformClient.Answer answer = client.post("requester", changes, body);
            if (answer.status() == 201) {
                return client.json(answer.body());
            }
            boolean unknownService = answer.status() == 400 && answer.body().contains("no catalog service");
            if (!unknownService || System.nanoTime() > deadline) {
                throw new IllegalStateException("creating a change answered " + answer.status() + ": "
                        + PlatformClient.abbreviate(answer.body()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    private void cancel(String id) {
        try {
            PlatformClient.Answer answer = client.post("change-manager", changes + "/" + id + "/cancel", CANCEL);
            if (!answer.ok()) {
                cancelFailures.incrementAndGet();
            }
        } catch (RuntimeException e) {
            cancelFailures.incrementAndGet();
        }
    }

    private void retireService() {
        if (serviceId == null) {
            return;
        }
        try {
            PlatformClient.Answer answer = client.post("catalog-manager", catalog + "/" + serviceId + "/retire", null);
            if (!answer.ok()) {
                System.err.println("  could not retire the benchmark's catalog service: " + answer.status());
            }
        } catch (RuntimeException e) {
            System.err.println("  could not retire the benchmark's catalog service: " + e.getMessage());
        }
    }

    private void report(List<Sample> samples, String serviceNumber) {
        List<Sample> visible = samples.stream().filter(Sample::visible).toList();
        List<Sample> unseen = samples.stream().filter(s -> s.error() == null && !s.visible()).toList();
        List<Sample> errors = samples.stream().filter(s -> s.error() != null).toList();
        int failed = unseen.size() + errors.size();
        List<LatencyStats> stats = List.of(
                LatencyStats.ofNanos("event-propagation",
                        visible.stream().mapToLong(s -> s.visibleNanos() - s.voteSentNanos()).toArray(), failed),
                LatencyStats.ofNanos("quorum-vote-call", samples.stream().filter(s -> s.voteAnsweredNanos() >= 0)
                        .mapToLong(s -> s.voteAnsweredNanos() - s.voteSentNanos()).toArray(), errors.size()),
                LatencyStats.ofNanos("after-vote-answer",
                        visible.stream().mapToLong(s -> s.visibleNanos() - s.voteAnsweredNanos()).toArray(), failed));
        long polls = samples.stream().mapToLong(Sample::polls).sum();
        long pollNanos = samples.stream().mapToLong(Sample::pollNanos).sum();

        System.err.println();
        System.err.printf("Event propagation over %d changes on %s (%d at a time, poll every %d ms):%n", samples.size(),
                serviceNumber, concurrency, pollMillis);
        stats.forEach(s -> System.err.println("  " + s.humanLine()));
        System.err.printf("  poll answer time: mean %s ms over %d polls (the visible time is late by at most one poll"
                + " cycle)%n", LatencyStats.ms(polls == 0 ? Double.NaN : pollNanos / 1e6 / polls), polls);
        System.err.printf("  machine load average (1 min) at the end: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (!unseen.isEmpty()) {
            System.err.printf("  NEVER SHOWN within %d ms: %d (%s)%n", TimeUnit.NANOSECONDS.toMillis(timeoutNanos),
                    unseen.size(), String.join(", ", unseen.stream().map(Sample::number).toList()));
        }
        if (!errors.isEmpty()) {
            System.err.printf("  FAILED before or during the vote: %d (first: %s)%n", errors.size(),
                    errors.get(0).error());
        }
        if (cancelFailures.get() > 0) {
            System.err.printf("  %d changes could not be cancelled after the measurement%n", cancelFailures.get());
        }
        stats.forEach(s -> System.out.println(s.resultLine()));
    }
}
