package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.api.Priority;

import org.itsm.problem.domain.KnownError;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemSource;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.repository.KnownErrorRepository;
import org.itsm.problem.repository.ProblemLinkRepository;
import org.itsm.problem.repository.ProblemLinkRepository.LinkedIncident;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Read side: filtered lists, history, linked incidents, the known-error search and the summary. */
@ApplicationScoped
public class ProblemQueries {

    public static final Map<String, String> SORTABLE = Map.of(
            "number", "number", "createdAt", "createdAt", "updatedAt", "updatedAt", "priority", "priority",
            "state", "state", "incidentCount", "incidentCount");

    public static final Map<String, String> KNOWN_ERROR_SORTABLE = Map.of(
            "publishedAt", "k.publishedAt", "updatedAt", "k.updatedAt");

    private final KnownErrorRepository knownErrors;
    private final ProblemLinkRepository links;
    private final RecordHistory history;
    private final ProblemLookup lookup;
    private final Clock clock;

    public ProblemQueries(KnownErrorRepository knownErrors, ProblemLinkRepository links,
            RecordHistory history, ProblemLookup lookup, Clock clock) {
        this.knownErrors = knownErrors;
        this.links = links;
        this.history = history;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Problem management's measures: open problems by state, candidates, known errors, time to root cause. */
    public record Figures(long open, Map<ProblemState, Long> byState, long openDetectedCandidates,
            long knownErrors, long incidentsLinkedToKnownErrors, double meanTimeToRootCauseHours,
            long resolvedLast30Days) {
    }

    /** List filters; null means no filter on that field. */
    public record Filter(ProblemState state, Priority priority, ProblemSource source, UUID serviceId,
            String category, String assignmentGroup, String assignee, Boolean knownError, String text) {
    }

    @WithSession
    public Uni<PageResult<Problem>> list(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.priority() != null) {
            conditions.add("priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.source() != null) {
            conditions.add("source = :source");
            parameters.and("source", filter.source());
        }
        if (filter.serviceId() != null) {
            conditions.add("serviceId = :service");
            parameters.and("service", filter.serviceId());
        }
        if (filter.category() != null) {
            conditions.add("category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.assignmentGroup() != null) {
            conditions.add("assignmentGroup = :group");
            parameters.and("group", filter.assignmentGroup());
        }
        if (filter.assignee() != null) {
            conditions.add("assignee = :assignee");
            parameters.and("assignee", filter.assignee());
        }
        if (filter.knownError() != null) {
            conditions.add(filter.knownError() ? "knownErrorPublishedAt is not null" : "knownErrorPublishedAt is null");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(statement) like :text or lower(number) like :text or lower(coalesce(description, ''))"
                    + " like :text or lower(coalesce(rootCause, '')) like :text)");
            parameters.and("text", likePattern(filter.text()));
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(Problem.class, where, parameters).fetch(page);
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id) {
        return lookup.get(id).flatMap(problem -> history.of(problem.id));
    }

    @WithSession
    public Uni<List<LinkedIncident>> linkedIncidents(UUID id) {
        return lookup.get(id).flatMap(problem -> links.linkedIncidents(problem.id));
    }

    /** A known error with the problem it belongs to. */
    public record KnownErrorEntry(KnownError knownError, Problem problem) {
    }

    /** Known errors of problems not cancelled, matching the text in symptom, root cause, workaround or number. */
    @WithSession
    public Uni<PageResult<KnownErrorEntry>> searchKnownErrors(String text, UUID serviceId, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of("p.id = k.problemId", "p.state <> :cancelled"));
        Parameters parameters = Parameters.with("cancelled", ProblemState.CANCELLED);
        if (serviceId != null) {
            conditions.add("k.serviceId = :service");
            parameters.and("service", serviceId);
        }
        if (text != null && !text.isBlank()) {
            conditions.add("(lower(k.symptom) like :text or lower(coalesce(k.rootCause, '')) like :text"
                    + " or lower(k.workaround) like :text or lower(p.number) like :text or lower(p.statement) like :text)");
            parameters.and("text", likePattern(text));
        }
        String where = String.join(" and ", conditions);
        return Panache.getSession().flatMap(session -> {
            var select = session.createSelectionQuery("select k, p from KnownError k, Problem p where " + where
                    + " order by " + page.orderBy(), Object[].class);
            var count = session.createSelectionQuery("select count(k) from KnownError k, Problem p where " + where,
                    Long.class);
            parameters.map().forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            return select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .flatMap(rows -> count.getSingleResult().map(total -> new PageResult<>(
                            rows.stream().map(row -> new KnownErrorEntry((KnownError) row[0], (Problem) row[1]))
                                    .toList(),
                            page.page(), page.size(), total)));
        });
    }

    @WithSession
    public Uni<Figures> summary() {
        Instant monthAgo = clock.instant().minus(30, ChronoUnit.DAYS);
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select
                  count(*) filter (where state = 'NEW'),
                  count(*) filter (where state = 'ASSESSMENT'),
                  count(*) filter (where state = 'ROOT_CAUSE_ANALYSIS'),
                  count(*) filter (where state = 'FIX_IN_PROGRESS'),
                  count(*) filter (where state = 'RESOLVED'),
                  count(*) filter (where state = 'CLOSED'),
                  count(*) filter (where state = 'CANCELLED'),
                  count(*) filter (where source = 'DETECTED'
                                     and state in ('NEW', 'ASSESSMENT', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS')),
                  count(*) filter (where known_error_published_at is not null and state <> 'CANCELLED'),
                  coalesce(sum(incident_count) filter (where known_error_published_at is not null
                                                         and state <> 'CANCELLED'), 0),
                  coalesce(avg(extract(epoch from root_cause_identified_at - created_at) / 3600)
                           filter (where root_cause_identified_at is not null), 0),
                  count(*) filter (where resolved_at >= ?1)
                from problem""", Object[].class)
                .setParameter(1, monthAgo)
                .getSingleResult())
                .map(row -> {
                    Map<ProblemState, Long> byState = new EnumMap<>(ProblemState.class);
                    long open = 0;
                    for (ProblemState state : ProblemState.values()) {
                        long count = number(row[state.ordinal()]).longValue();
                        byState.put(state, count);
                        open += state.isOpen() ? count : 0;
                    }
                    return new Figures(open, byState, number(row[7]).longValue(), number(row[8]).longValue(),
                            number(row[9]).longValue(), Math.round(number(row[10]).doubleValue() * 100) / 100.0,
                            number(row[11]).longValue());
                });
    }

    private static String likePattern(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
