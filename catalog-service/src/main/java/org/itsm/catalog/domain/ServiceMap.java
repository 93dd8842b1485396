package org.itsm.catalog.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The service map: which service depends on which. Impact is the transitive set of services that depend on a
 * service, nearest first. The map may contain cycles (A needs B needs A); every service is visited once.
 */
public final class ServiceMap {

    /** A service hit by an outage of the root: how many dependency hops away, and through which service. */
    public record Impacted(UUID serviceId, int distance, UUID via) {
    }

    private final Map<UUID, List<UUID>> dependents = new HashMap<>();

    /** @param dependsOn each service and the services it depends on */
    public ServiceMap(Map<UUID, List<UUID>> dependsOn) {
        dependsOn.forEach((service, needs) -> needs.forEach(
                needed -> dependents.computeIfAbsent(needed, ignored -> new ArrayList<>()).add(service)));
    }

    /** Breadth-first over the reversed edges; the root itself is never part of its own impact. */
    public List<Impacted> impactOf(UUID root) {
        List<Impacted> impacted = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(root));
        Deque<Impacted> queue = new ArrayDeque<>();
        queue.add(new Impacted(root, 0, null));
        while (!queue.isEmpty()) {
            Impacted current = queue.poll();
            for (UUID dependent : dependents.getOrDefault(current.serviceId(), List.of())) {
                if (seen.add(dependent)) {
                    Impacted next = new Impacted(dependent, current.distance() + 1, current.serviceId());
                    impacted.add(next);
                    queue.add(next);
                }
            }
        }
        return impacted;
    }
}
