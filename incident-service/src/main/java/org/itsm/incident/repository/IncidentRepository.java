package org.itsm.incident.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentState;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    static final List<IncidentState> OPEN = List.of(IncidentState.NEW, IncidentState.IN_PROGRESS,
            IncidentState.ON_HOLD);

    public Uni<Incident> findOpenByCorrelationKey(String key) {
        return find("correlationKey = :key and state in :open", Parameters.with("key", key).and("open", OPEN))
                .firstResult();
    }

    public Uni<List<Incident>> findOpenByNumbers(List<String> numbers) {
        return list("number in :numbers and state in :open",
                Parameters.with("numbers", numbers).and("open", OPEN));
    }

    public Uni<List<Incident>> findOpenChildren(UUID parentId) {
        return list("parentId = :parent and state in :open", Parameters.with("parent", parentId).and("open", OPEN));
    }

    public Uni<List<Incident>> findOpen() {
        return list("state in :open", Parameters.with("open", OPEN));
    }

    public Uni<Incident> findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
