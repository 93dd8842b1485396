package org.itsm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.itsm.devstack.InfrastructureComponent;
import org.itsm.e2e.Changes.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing accepted is lost and nothing is applied twice when Kafka, a consumer or a database goes away. */
@ExtendWith(PlatformExtension.class)
class FaultToleranceIT {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final String TARGETS = """
            [{"priority": "P3", "responseMinutes": 120, "resolutionMinutes": 1440}]""";

    @Test
    void withKafkaDownRequestsSucceedAndEveryEffectHappensOnceAfterItReturns() {
        Api.Service desk = Api.liveService("Desk " + UUID.randomUUID(), TARGETS);
        Api.Service erp = Api.liveService("ERP " + UUID.randomUUID(), TARGETS);
        awaitKnownToIncidents(desk.id());
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Change change = Changes.raise("requester", Changes.normalChangeJson("ERP patch " + i, erp.id(), ""));
            Api.as("requester").post("/api/v1/changes/{id}/submit", change.id()).then().statusCode(200);
            Api.as("change-manager").body(Changes.LOW_RISK).post("/api/v1/changes/{id}/assess", change.id())
                    .then().statusCode(200);
            changes.add(change);
        }

        PlatformExtension.stack().kafka().stop();
        Set<String> incidentIds = new HashSet<>();
        try {
            // 40 categories of 5 reports each: after recovery, exactly one problem candidate per category
            for (int i = 0; i < 200; i++) {
                incidentIds.add(Api.as("agent").body("""
                        {"shortDescription": "Desk outage report %d", "impact": 3, "urgency": 3,
                         "serviceId": "%s", "category": "outage-%d"}""".formatted(i, desk.id(), i % 40))
                        .post("/api/v1/incidents").then().statusCode(201).extract().path("id"));
            }
            for (Change change : changes) {
                Api.as("change-manager").body("{\"decision\": \"APPROVE\"}")
                        .post("/api/v1/changes/{id}/approvals", change.id()).then().statusCode(201);
            }
        } finally {
            PlatformExtension.stack().kafka().start();
        }

        Set<String> published = TopicCounter.awaitKeys("itsm.incident.events", "itsm.incident.created.v1", incidentIds,
                RECOVERY);
        assertTrue(published.containsAll(incidentIds), "every created event arrived after Kafka returned");
        await().atMost(RECOVERY).untilAsserted(() -> Api.as("problem-manager")
                .get("/api/v1/problems?source=DETECTED&size=100&serviceId=" + desk.id()).then().statusCode(200)
                .body("total", equalTo(40)).body("items.incidentCount", everyItem(equalTo(5))));
        Set<String> changeNumbers = new HashSet<>(changes.stream().map(Change::number).toList());
        await().atMost(RECOVERY).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services/{id}", erp.id())
                .then().statusCode(200).body("plannedChanges.size()", equalTo(20)));
        List<String> planned = Api.as("agent").get("/api/v1/catalog/services/{id}", erp.id()).then().extract()
                .path("plannedChanges.changeNumber");
        assertEquals(changeNumbers, new HashSet<>(planned), "each approval planned exactly once");
        System.out.printf("[FaultToleranceIT] Kafka down: %d incidents and %d approvals accepted; after recovery all %d"
                + " created events on the topic, 40 problem candidates of 5 incidents, %d planned changes%n",
                incidentIds.size(), changes.size(), incidentIds.size(), planned.size());
    }

    @Test
    void aConsumerKilledDuringABurstLosesNothingAndAppliesNothingTwice() throws Exception {
        Api.Service billing = Api.liveService("Billing " + UUID.randomUUID(), TARGETS);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Change change = Changes.raise("requester", Changes.normalChangeJson("Billing fix " + i, billing.id(), ""));
            Api.as("requester").post("/api/v1/changes/{id}/submit", change.id()).then().statusCode(200);
            Api.as("change-manager").body(Changes.LOW_RISK).post("/api/v1/changes/{id}/assess", change.id())
                    .then().statusCode(200);
            changes.add(change);
        }
        InfrastructureComponent catalog = service("catalog-service");
        for (int i = 0; i < changes.size(); i++) {
            if (i == 5) {
                ProcessHandle.of(catalog.pid().orElseThrow()).ifPresent(ProcessHandle::destroyForcibly);
            }
            Api.as("change-manager").body("{\"decision\": \"APPROVE\"}")
                    .post("/api/v1/changes/{id}/approvals", changes.get(i).id()).then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !catalog.isRunning());
        catalog.start();
        await().atMost(RECOVERY).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services/{id}", billing.id())
                .then().statusCode(200).body("plannedChanges.size()", equalTo(20)));
        List<String> planned = Api.as("agent").get("/api/v1/catalog/services/{id}", billing.id()).then().extract()
                .path("plannedChanges.changeNumber");
        assertEquals(new HashSet<>(changes.stream().map(Change::number).toList()), new HashSet<>(planned));
    }

    @Test
    void aServiceWithoutItsDatabaseAnswers503AndRecoversWhileTheOthersWork() {
        var postgres = PlatformExtension.stack().postgres();
        // one server hosts every service's database: taking one database away is that service's outage
        postgres.execute("postgres", "alter database catalog with allow_connections false");
        postgres.execute("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'catalog'");
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services")
                    .then().statusCode(503).contentType("application/problem+json"));
            Api.as("agent").get("/api/v1/incidents").then().statusCode(200);
            Api.as("agent").get("/api/v1/changes").then().statusCode(200);
        } finally {
            postgres.execute("postgres", "alter database catalog with allow_connections true");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.as("agent").get("/api/v1/catalog/services")
                .then().statusCode(200));
    }

    private static InfrastructureComponent service(String name) {
        return PlatformExtension.stack().services().stream().filter(service -> service.name().equals(name))
                .findFirst().orElseThrow();
    }

    private static void awaitKnownToIncidents(String serviceId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Api.as("agent").body("""
                {"shortDescription": "probe", "impact": 3, "urgency": 3, "serviceId": "%s"}""".formatted(serviceId))
                .post("/api/v1/incidents").statusCode() == 201);
    }
}
