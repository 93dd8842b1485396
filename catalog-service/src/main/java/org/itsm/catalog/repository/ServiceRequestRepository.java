package org.itsm.catalog.repository;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceRequestRepository implements PanacheRepositoryBase<ServiceRequest, UUID> {

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
