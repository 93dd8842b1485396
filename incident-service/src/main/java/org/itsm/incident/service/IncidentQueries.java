package org.itsm.incident.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentState;
import org.itsm.incident.domain.Priority;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.rest.IncidentApi.Summary;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Read side: filtered lists, history and the summary for dashboards. */
@ApplicationScoped
public class IncidentQueries {

    public static final Map<String, String> SORTABLE = Map.of(
            "number", "number", "createdAt", "createdAt", "updatedAt", "updatedAt", "priority", "priority",
            "state", "state");

    private final IncidentRepository incidents;
    private final RecordHistory history;
    private final IncidentService incidentService;

    public IncidentQueries(IncidentRepository incidents, RecordHistory history, IncidentService incidentService) {
        this.incidents = incidents;
        this.history = history;
        this.incidentService = incidentService;
    }

    /** List filters; null means no filter on that field. */
    public record Filter(IncidentState state, Priority priority, String assignmentGroup, String assignee,
            UUID serviceId, String caller, Boolean major, Boolean breached, String text) {
    }

    @WithSession
    public Uni<PageResult<Incident>> list(Filter filter, PageRequest page, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!actor.isStaff()) {
            conditions.add("caller = :self");
            parameters.and("self", actor.name());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.priority() != null) {
            conditions.add("priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.assignmentGroup() != null) {
            conditions.add("assignmentGroup = :group");
            parameters.and("group", filter.assignmentGroup());
        }
        if (filter.assignee() != null) {
            conditions.add("assignee = :assignee");
            parameters.and("assignee", filter.assignee());
        }
        if (filter.serviceId() != null) {
            conditions.add("serviceId = :service");
            parameters.and("service", filter.serviceId());
        }
        if (filter.caller() != null) {
            conditions.add("caller = :caller");
            parameters.and("caller", filter.caller());
        }
        if (filter.major() != null) {
            conditions.add("major = :major");
            parameters.and("major", filter.major());
        }
        if (filter.breached() != null) {
            conditions.add(filter.breached()
                    ? "(responseSlaAlert = 'BREACHED' or resolutionSlaAlert = 'BREACHED')"
                    : "(coalesce(responseSlaAlert, '') <> 'BREACHED' and coalesce(resolutionSlaAlert, '') <> 'BREACHED')");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(shortDescription) like :text or lower(number) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        var query = incidents.find(where + " order by " + page.orderBy(), parameters);
        return query.page(Page.of(page.page(), page.size())).list()
                .flatMap(items -> query.count().map(total -> new PageResult<>(items, page.page(), page.size(), total)));
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id, Actor actor) {
        return incidentService.get(id, actor).flatMap(incident -> history.of(incident.id));
    }

    @WithSession
    public Uni<Summary> summary() {
        Instant dayAgo = Instant.now().minusSeconds(86_400);
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 'P1'),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 'P2'),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 'P3'),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 'P4'),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 'P5'),
                  count(*) filter (where created_at >= ?1),
                  count(*) filter (where resolved_at >= ?1),
                  coalesce(avg(extract(epoch from resolved_at - created_at) / 60) filter (where resolved_at is not null), 0),
                  count(*) filter (where resolved_at is not null and coalesce(resolution_sla_alert, '') <> 'BREACHED'),
                  count(*) filter (where resolved_at is not null),
                  count(*) filter (where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')
                                     and (response_sla_alert = 'BREACHED' or resolution_sla_alert = 'BREACHED'))
                from incident""", Object[].class)
                .setParameter(1, dayAgo)
                .getSingleResult())
                .map(row -> {
                    Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
                    for (Priority priority : Priority.values()) {
                        byPriority.put(priority, number(row[1 + priority.ordinal()]).longValue());
                    }
                    long resolved = number(row[10]).longValue();
                    double compliance = resolved == 0 ? 100.0 : 100.0 * number(row[9]).longValue() / resolved;
                    return new Summary(number(row[0]).longValue(), byPriority, number(row[6]).longValue(),
                            number(row[7]).longValue(), number(row[8]).doubleValue(), compliance,
                            number(row[11]).longValue());
                });
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
