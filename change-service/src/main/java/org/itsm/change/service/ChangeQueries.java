package org.itsm.change.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.config.ChangeConfig;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Read side: filtered lists, history, the change calendar and the summary for dashboards. */
@ApplicationScoped
public class ChangeQueries {

    public static final Map<String, String> SORTABLE = Map.of(
            "number", "number", "createdAt", "createdAt", "updatedAt", "updatedAt", "plannedStart", "plannedStart",
            "state", "state", "type", "type", "riskLevel", "riskLevel");

    /** States shown on the change calendar: committed or awaiting authorisation, and done ones for the record. */
    static final List<ChangeState> CALENDAR_STATES = List.of(ChangeState.AUTHORIZE, ChangeState.SCHEDULED,
            ChangeState.IMPLEMENT, ChangeState.REVIEW, ChangeState.CLOSED);

    private final ChangeRepository changes;
    private final RecordHistory history;
    private final ChangeLookup lookup;
    private final ChangeCalendar calendar;
    private final ChangeMeasures measures;
    private final ChangeConfig config;

    public ChangeQueries(ChangeRepository changes, RecordHistory history, ChangeLookup lookup,
            ChangeCalendar calendar, ChangeMeasures measures, ChangeConfig config) {
        this.changes = changes;
        this.history = history;
        this.lookup = lookup;
        this.calendar = calendar;
        this.measures = measures;
        this.config = config;
    }

    /**
     * Measures of change enablement: totals by state and type, emergency ratio, success rate among changes with an
     * outcome (a success whose catalog update the catalog rejected is no clean success), mean lead time in hours.
     */
    public record Summary(long total, Map<ChangeState, Long> byState, Map<ChangeType, Long> byType,
            double emergencyRatio, long withOutcome, double successRate, double meanLeadTimeHours) {
    }

    /** List filters; null means no filter on that field. */
    public record Filter(ChangeState state, ChangeType type, RiskLevel riskLevel, String requester,
            String implementer, UUID serviceId, String text) {
    }

    @WithSession
    public Uni<PageResult<ChangeRequest>> list(Filter filter, PageRequest page, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!actor.isStaff()) {
            conditions.add("requester = :self");
            parameters.and("self", actor.name());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.riskLevel() != null) {
            conditions.add("riskLevel = :risk");
            parameters.and("risk", filter.riskLevel());
        }
        if (filter.requester() != null) {
            conditions.add("requester = :requester");
            parameters.and("requester", filter.requester());
        }
        if (filter.implementer() != null) {
            conditions.add("implementer = :implementer");
            parameters.and("implementer", filter.implementer());
        }
        if (filter.serviceId() != null) {
            // the column is a JSON array of ids: the id as a quoted element
            conditions.add("affectedServicesText like :service");
            parameters.and("service", "%\"" + filter.serviceId() + "\"%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(title) like :text or lower(number) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(ChangeRequest.class, where, parameters).fetch(page);
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> history.of(change.id));
    }

    /** The change calendar between {@code from} and {@code to}. */
    public record Calendar(List<ChangeRequest> changes, List<ChangeCalendar.ServiceBlackout> blackouts) {
    }

    @WithSession
    public Uni<Calendar> schedule(Instant from, Instant to) {
        if (from == null || to == null) {
            throw ApiProblem.invalidField(from == null ? "from" : "to", "required (ISO-8601 instant)");
        }
        if (!to.isAfter(from)) {
            throw ApiProblem.invalidField("to", "must be after from");
        }
        if (Duration.between(from, to).toDays() > config.maxScheduleDays()) {
            throw ApiProblem.invalidField("to", "the calendar spans at most " + config.maxScheduleDays() + " days");
        }
        return changes.inWindow(CALENDAR_STATES, from, to)
                .flatMap(planned -> calendar.blackouts(from, to).map(blackouts -> new Calendar(planned, blackouts)));
    }

    @WithSession
    public Uni<Summary> summary() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select state, type, outcome, count(*),
                       sum(extract(epoch from (closed_at - created_at))) filter (where state = 'CLOSED'),
                       catalog_update_status
                from change_request group by state, type, outcome, catalog_update_status""", Object[].class).getResultList())
                .map(ChangeQueries::summarise);
    }

    /** Keeps the whole-database gauges current for Prometheus. */
    @Scheduled(every = "${itsm.change.measures-refresh:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshMeasures() {
        return summary().invoke(measures::refresh).replaceWithVoid();
    }

    static Summary summarise(List<Object[]> rows) {
        Map<ChangeState, Long> byState = new EnumMap<>(ChangeState.class);
        Map<ChangeType, Long> byType = new EnumMap<>(ChangeType.class);
        long total = 0;
        long withOutcome = 0;
        long successful = 0;
        long closed = 0;
        double leadSeconds = 0;
        for (Object[] row : rows) {
            ChangeState state = ChangeState.valueOf((String) row[0]);
            ChangeType type = ChangeType.valueOf((String) row[1]);
            String outcome = (String) row[2];
            long count = ((Number) row[3]).longValue();
            total += count;
            byState.merge(state, count, Long::sum);
            byType.merge(type, count, Long::sum);
            if (outcome != null) {
                withOutcome += count;
                // an implementation whose catalog update the catalog rejected is no clean success
                boolean catalogRejected = row.length > 5 && "REJECTED".equals(row[5]);
                if (outcome.startsWith("SUCCESSFUL") && !catalogRejected) {
                    successful += count;
                }
            }
            if (state == ChangeState.CLOSED) {
                closed += count;
                leadSeconds += row[4] == null ? 0 : ((Number) row[4]).doubleValue();
            }
        }
        double emergencyRatio = total == 0 ? 0 : byType.getOrDefault(ChangeType.EMERGENCY, 0L) / (double) total;
        double successRate = withOutcome == 0 ? 1 : successful / (double) withOutcome;
        double leadHours = closed == 0 ? 0 : leadSeconds / closed / 3600;
        return new Summary(total, byState, byType, emergencyRatio, withOutcome, successRate, leadHours);
    }
}
