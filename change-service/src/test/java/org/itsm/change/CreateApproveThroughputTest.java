package org.itsm.change;

import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.asRequester;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.normalChange;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput of the approval path (create, submit, assess LOW, one change manager approves: four requests per change),
 * sequential and with eight clients. A benchmark, not a check: runs only with {@code -Dbench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class CreateApproveThroughputTest {

    @Test
    void measure() throws Exception {
        UUID service = liveService("Bench");
        run(service, 1, 30); // warm-up
        for (int threads : new int[] { 1, 8 }) {
            int perThread = threads == 1 ? 100 : 40;
            long start = System.nanoTime();
            run(service, threads, perThread);
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = threads * perThread;
            System.out.printf("BENCH threads=%d changes=%d seconds=%.2f create+approve/s=%.1f%n", threads, total,
                    seconds, total / seconds);
        }
    }

    private static void run(UUID service, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = asRequester("bench").body(normalChange("Bench", service, freshDay(), 30))
                            .post("/api/v1/changes").then().statusCode(201).extract().path("id");
                    asRequester("bench").post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
                    asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200);
                    asManager().body("{\"decision\": \"APPROVE\"}").post("/api/v1/changes/{id}/approvals", id).then()
                            .statusCode(201);
                }
                return null;
            });
        }
        for (var result : pool.invokeAll(work)) {
            result.get();
        }
        pool.shutdown();
    }
}
