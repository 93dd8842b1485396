package org.itsm.incident.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentFigures;
import org.itsm.incident.domain.IncidentState;
import org.itsm.events.api.Priority;
import org.itsm.incident.domain.SlaPause;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.repository.SlaPauseRepository;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Read side: filtered lists, history and the summary for dashboards. */
@ApplicationScoped
public class IncidentQueries {

    /** API sort names → columns; {@code slaDue}: earliest resolution due first, paused and stopped clocks last. */
    public static final Map<String, String> SORTABLE = Map.of(
            "number", "number", "createdAt", "createdAt", "updatedAt", "updatedAt", "priority", "priority",
            "state", "state", "slaDue", "resolutionDueAt");

    /** The {@code assignee} filter value that asks for incidents nobody is assigned to. */
    public static final String UNASSIGNED = "none";

    private static final List<IncidentState> OPEN = Arrays.stream(IncidentState.values())
            .filter(IncidentState::isOpen).toList();
    /**
     * An alert mark on a clock that still runs: the response clock until the response, the resolution clock while
     * the incident is open (paused included: the mark stays). The negation reads absent marks as none.
     */
    private static final String SLA_AT_RISK = "state in :open"
            + " and ((respondedAt is null and responseSlaAlert in ('AT_RISK', 'BREACHED'))"
            + " or resolutionSlaAlert in ('AT_RISK', 'BREACHED'))";
    private static final String SLA_NOT_AT_RISK = "not (state in :open"
            + " and ((respondedAt is null and coalesce(responseSlaAlert, '') in ('AT_RISK', 'BREACHED'))"
            + " or coalesce(resolutionSlaAlert, '') in ('AT_RISK', 'BREACHED')))";

    private final IncidentRepository incidents;
    private final RecordHistory history;
    private final VisibleIncidents visible;
    private final SlaPauseRepository slaPauses;
    private final Clock clock;

    public IncidentQueries(IncidentRepository incidents, RecordHistory history, VisibleIncidents visible,
            SlaPauseRepository slaPauses, Clock clock) {
        this.incidents = incidents;
        this.slaPauses = slaPauses;
        this.history = history;
        this.visible = visible;
        this.clock = clock;
    }

    /**
     * List filters; null means no filter on that field. {@code assignmentGroups}: the incident's group is one of them
     * (empty: nothing matches); {@code assignee} {@link #UNASSIGNED} means nobody;
     * {@code open}: in an open state (New, In Progress, On Hold) or not; {@code slaAtRisk}: a response or resolution
     * clock still running carries an AT_RISK or BREACHED mark, or none does.
     */
    public record Filter(IncidentState state, Priority priority, Set<String> assignmentGroups, String assignee,
            UUID serviceId, String caller, Boolean major, Boolean breached, String text, Boolean open,
            Boolean slaAtRisk) {
    }

    @WithSession
    public Uni<PageResult<Incident>> list(Filter filter, PageRequest page, Actor actor) {
        if (filter.assignmentGroups() != null && filter.assignmentGroups().isEmpty()) {
            return Uni.createFrom().item(new PageResult<>(List.of(), page.page(), page.size(), 0));
        }
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
        if (filter.assignmentGroups() != null) {
            conditions.add("assignmentGroup in :groups");
            parameters.and("groups", filter.assignmentGroups());
        }
        if (UNASSIGNED.equals(filter.assignee())) {
            conditions.add("assignee is null");
        } else if (filter.assignee() != null) {
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
        if (filter.open() != null) {
            conditions.add(filter.open() ? "state in :open" : "state not in :open");
        }
        if (filter.slaAtRisk() != null) {
            conditions.add(filter.slaAtRisk() ? SLA_AT_RISK : SLA_NOT_AT_RISK);
        }
        if (filter.open() != null || filter.slaAtRisk() != null) {
            parameters.and("open", OPEN);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(shortDescription) like :text or lower(number) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(Incident.class, where, parameters).fetch(page);
    }

    /** The record's history; a caller who may not read work notes does not learn that one was added either. */
    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> history.of(incident.id))
                .map(entries -> actor.isStaff() ? entries
                        : entries.stream().filter(entry -> !IncidentComments.isWorkNoteEntry(entry)).toList());
    }

    /** An incident with the pauses of its SLA clocks. */
    public record SlaRecord(Incident incident, List<SlaPause> pauses) {
    }

    @WithSession
    public Uni<SlaRecord> sla(UUID id, Actor actor) {
        return visible.get(id, actor)
                .flatMap(incident -> slaPauses.ofIncident(incident.id).map(pauses -> new SlaRecord(incident, pauses)));
    }

    @WithSession
    public Uni<IncidentFigures> figures() {
        return incidents.figures(clock.instant().minus(Duration.ofDays(1)));
    }
}
