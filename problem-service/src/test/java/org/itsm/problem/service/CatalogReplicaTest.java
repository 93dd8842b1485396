package org.itsm.problem.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.itsm.events.catalog.CatalogServiceEvent;
import org.itsm.problem.domain.CatalogService;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.repository.CatalogReadModelRepository;
import org.itsm.support.rest.ApiProblem;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class CatalogReplicaTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Map<UUID, CatalogService> stored = new HashMap<>();
    private final CatalogReplica replica = new CatalogReplica(new CatalogReadModelRepository() {
        @Override
        public Uni<CatalogService> service(UUID id) {
            return Uni.createFrom().item(stored.get(id));
        }

        @Override
        public Uni<Void> save(CatalogService service) {
            stored.put(service.id, service);
            return Uni.createFrom().voidItem();
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aServiceEventReplacesTheStoredServiceAtTheClocksTime() {
        UUID id = UUID.randomUUID();
        replica.serviceChanged(event(id, "LIVE", "mail-ops")).await().indefinitely();
        CatalogService service = stored.get(id);
        assertEquals("LIVE", service.lifecycle);
        assertEquals("mail-ops", service.supportGroup);
        assertEquals(NOW, service.updatedAt);
    }

    @Test
    void aRetiredOrUnknownServiceCannotBeNamedAndALiveOneGivesItsSupportGroup() {
        UUID live = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        replica.serviceChanged(event(live, "LIVE", "mail-ops")).await().indefinitely();
        replica.serviceChanged(event(retired, "RETIRED", "old-ops")).await().indefinitely();
        replica.requireAdmitted(live).await().indefinitely();
        replica.requireAdmitted(null).await().indefinitely();
        assertThrows(ApiProblem.class, () -> replica.requireAdmitted(retired).await().indefinitely());
        assertThrows(ApiProblem.class, () -> replica.requireAdmitted(UUID.randomUUID()).await().indefinitely());
        Problem problem = new Problem();
        problem.serviceId = live;
        replica.defaultAssignmentGroup(problem).await().indefinitely();
        assertEquals("mail-ops", problem.assignmentGroup);
    }

    private static CatalogServiceEvent event(UUID id, String lifecycle, String supportGroup) {
        return new CatalogServiceEvent(id, "SVC0001001", "Email", "BUSINESS", lifecycle, supportGroup, null, null,
                null, null, null);
    }
}
