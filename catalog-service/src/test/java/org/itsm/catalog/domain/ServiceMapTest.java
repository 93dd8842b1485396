package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ServiceMapTest {

    private final UUID network = UUID.randomUUID();
    private final UUID database = UUID.randomUUID();
    private final UUID email = UUID.randomUUID();
    private final UUID payroll = UUID.randomUUID();
    private final UUID standalone = UUID.randomUUID();

    @Test
    void impactIsTransitiveAndNearestFirst() {
        ServiceMap map = new ServiceMap(Map.of(
                database, List.of(network),
                email, List.of(network),
                payroll, List.of(database),
                standalone, List.of()));
        List<ServiceMap.Impacted> impact = map.impactOf(network);
        assertEquals(3, impact.size());
        assertEquals(1, impact.get(0).distance());
        assertEquals(new ServiceMap.Impacted(payroll, 2, database), impact.get(2));
        assertEquals(List.of(), map.impactOf(standalone));
    }

    @Test
    void cyclesEndTheTraversalAndNeverListTheRoot() {
        ServiceMap map = new ServiceMap(Map.of(
                email, List.of(database),
                database, List.of(network),
                network, List.of(email)));
        List<ServiceMap.Impacted> impact = map.impactOf(email);
        assertEquals(List.of(new ServiceMap.Impacted(network, 1, email), new ServiceMap.Impacted(database, 2, network)),
                impact);
    }

    @Test
    void aServiceReachedTwiceIsListedOnceAtItsShortestDistance() {
        ServiceMap map = new ServiceMap(Map.of(
                database, List.of(network),
                payroll, List.of(database, network)));
        assertEquals(List.of(new ServiceMap.Impacted(database, 1, network), new ServiceMap.Impacted(payroll, 1, network)),
                map.impactOf(network).stream().sorted(java.util.Comparator.comparing(hit -> hit.serviceId() == database ? 0 : 1)).toList());
    }
}
