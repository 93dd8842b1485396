package org.itsm.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.PlannedChange;
import org.itsm.catalog.domain.RejectedChangeUpdate;
import org.itsm.catalog.domain.ServiceMap;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.ServiceType;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.repository.PlannedChangeRepository;
import org.itsm.catalog.repository.RejectedChangeUpdateRepository;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Read side of the portfolio: filtered lists, a service with its planned changes, its offerings, impact, history. */
@ApplicationScoped
public class CatalogQueries {

    public static final Map<String, String> SORTABLE = Map.of("number", "number", "name", "name",
            "createdAt", "createdAt", "updatedAt", "updatedAt", "criticality", "criticality");

    private final ItServiceRepository services;
    private final PlannedChangeRepository plannedChanges;
    private final RejectedChangeUpdateRepository rejections;
    private final RecordHistory history;
    private final OfferingRepository offerings;
    private final PortfolioRecords records;

    public CatalogQueries(ItServiceRepository services, PlannedChangeRepository plannedChanges,
            RejectedChangeUpdateRepository rejections, RecordHistory history, OfferingRepository offerings,
            PortfolioRecords records) {
        this.services = services;
        this.plannedChanges = plannedChanges;
        this.rejections = rejections;
        this.history = history;
        this.offerings = offerings;
        this.records = records;
    }

    public record Filter(Lifecycle lifecycle, ServiceType type, Criticality criticality, String supportGroup,
            String text) {
    }

    /** A service with what the change flow has marked on it. */
    public record ServiceDetail(ItService service, List<PlannedChange> plannedChanges,
            List<RejectedChangeUpdate> rejectedChangeUpdates) {
    }

    /** A service hit by an outage of another, with how it is reached. */
    public record Impact(ItService service, int distance, UUID via) {
    }

    @WithSession
    public Uni<PageResult<ItService>> list(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.lifecycle() != null) {
            conditions.add("lifecycle = :lifecycle");
            parameters.and("lifecycle", filter.lifecycle());
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.criticality() != null) {
            conditions.add("criticality = :criticality");
            parameters.and("criticality", filter.criticality());
        }
        if (filter.supportGroup() != null) {
            conditions.add("supportGroup = :group");
            parameters.and("group", filter.supportGroup());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(name) like :text or lower(number) like :text or lower(description) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(ItService.class, where, parameters).fetch(page);
    }

    @WithSession
    public Uni<ServiceDetail> detail(UUID id) {
        return records.service(id).flatMap(this::detail);
    }

    /** Within the caller's session. */
    public Uni<ServiceDetail> detail(ItService service) {
        return plannedChanges.ofService(service.id).flatMap(planned -> rejections.ofService(service.id)
                .map(rejected -> new ServiceDetail(service, planned, rejected)));
    }

    @WithSession
    public Uni<List<Impact>> impact(UUID id) {
        return records.service(id).flatMap(root -> services.dependencyMap().flatMap(map -> {
            List<ServiceMap.Impacted> impacted = new ServiceMap(map).impactOf(root.id);
            return services.findByIds(impacted.stream().map(ServiceMap.Impacted::serviceId).toList())
                    .map(found -> {
                        Map<UUID, ItService> byId = found.stream()
                                .collect(Collectors.toMap(service -> service.id, Function.identity()));
                        return impacted.stream().map(hit -> new Impact(byId.get(hit.serviceId()), hit.distance(),
                                hit.via())).toList();
                    });
        }));
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id) {
        return records.service(id).flatMap(service -> history.of(service.id));
    }

    @WithSession
    public Uni<List<ServiceOffering>> offerings(UUID serviceId) {
        return records.service(serviceId).flatMap(service -> offerings.ofService(service.id));
    }

    @WithSession
    public Uni<ServiceOffering> offering(UUID serviceId, UUID offeringId) {
        return records.offering(serviceId, offeringId);
    }

    @WithSession
    public Uni<List<HistoryEntry>> offeringHistory(UUID serviceId, UUID offeringId) {
        return records.offering(serviceId, offeringId).flatMap(offering -> history.of(offering.id));
    }
}
