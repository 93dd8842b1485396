package org.itsm.catalog.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceLifecycle;
import org.itsm.catalog.domain.ServiceRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceRequestRepository implements PanacheRepositoryBase<ServiceRequest, UUID> {

    /**
     * Numbers of the requests still open ({@link ServiceLifecycle#OPEN_REQUEST_STATES}) for items of the services'
     * offerings, per service.
     */
    public Uni<Map<UUID, List<String>>> openRequestsOfServices(Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery("""
                select o.serviceId, r.number from ServiceRequest r, CatalogItem i, ServiceOffering o
                where r.itemId = i.id and i.offeringId = o.id and o.serviceId in :services and r.state in :open
                order by r.number""", Object[].class)
                .setParameter("services", serviceIds)
                .setParameter("open", ServiceLifecycle.OPEN_REQUEST_STATES)
                .getResultList())
                .map(rows -> {
                    Map<UUID, List<String>> open = new HashMap<>();
                    for (Object[] row : rows) {
                        open.computeIfAbsent((UUID) row[0], ignored -> new ArrayList<>()).add((String) row[1]);
                    }
                    return open;
                });
    }

    /** The measures in two small aggregate queries. */
    public Uni<RequestFigures> figures() {
        return getSession().flatMap(session -> session.createNativeQuery(
                "select state, count(*) from service_request group by state", Object[].class)
                .getResultList()
                .flatMap(states -> session.createNativeQuery("""
                        select count(*),
                          coalesce(avg(extract(epoch from fulfilled_at - submitted_at) / 3600), 0),
                          coalesce(avg(expected_delivery_hours), 0),
                          count(*) filter (where fulfilled_at <= due_at)
                        from service_request where fulfilled_at is not null""", Object[].class)
                        .getSingleResult()
                        .map(row -> {
                            Map<RequestState, Long> byState = new EnumMap<>(RequestState.class);
                            for (RequestState state : RequestState.values()) {
                                byState.put(state, 0L);
                            }
                            for (Object[] count : states) {
                                byState.put(RequestState.valueOf((String) count[0]), ((Number) count[1]).longValue());
                            }
                            long fulfilled = ((Number) row[0]).longValue();
                            double onTime = fulfilled == 0 ? 100.0 : 100.0 * ((Number) row[3]).longValue() / fulfilled;
                            return new RequestFigures(byState, fulfilled, ((Number) row[1]).doubleValue(),
                                    ((Number) row[2]).doubleValue(), onTime);
                        })));
    }
}
