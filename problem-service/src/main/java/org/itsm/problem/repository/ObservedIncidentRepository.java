package org.itsm.problem.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.ObservedIncident;
import org.itsm.problem.domain.RecurrencePolicy.Report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The incident read model, fed by incident events. */
@ApplicationScoped
public class ObservedIncidentRepository {

    /** Records the incident as the event reports it; the first report time is kept. */
    public Uni<Void> save(ObservedIncident incident) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into observed_incident (number, id, service_id, category, state, reported_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (number) do update set service_id = excluded.service_id, category = excluded.category,
                    state = excluded.state, updated_at = excluded.updated_at""")
                .setParameter(1, incident.number).setParameter(2, incident.id).setParameter(3, incident.serviceId)
                .setParameter(4, incident.category).setParameter(5, incident.state)
                .setParameter(6, incident.reportedAt).setParameter(7, incident.updatedAt)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<ObservedIncident> find(String number) {
        return Panache.getSession().flatMap(session -> session.find(ObservedIncident.class, number));
    }

    /**
     * Incidents of the service and category reported in [from, until] that no open problem covers, whatever their
     * state (RecurrencePolicy decides which count).
     */
    public Uni<List<Report>> uncoveredReports(UUID serviceId, String category, Instant from, Instant until) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select o.number, o.reported_at, o.state from observed_incident o
                where o.service_id = ?1 and o.category = ?2 and o.reported_at between ?3 and ?4
                  and not exists (select 1 from problem_incident l join problem p on p.id = l.problem_id
                                  where l.incident_number = o.number
                                    and p.state in ('NEW', 'ASSESSMENT', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'))
                order by o.reported_at""", Object[].class)
                .setParameter(1, serviceId).setParameter(2, category).setParameter(3, from).setParameter(4, until)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Report((String) row[0],
                        ProblemLinkRepository.toInstant(row[1]), (String) row[2])).toList());
    }

    /** The observed state of each of the incidents problem management knows; unknown numbers are absent. */
    public Uni<Map<String, String>> statesOf(List<String> numbers) {
        Map<String, String> states = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String number : numbers) {
            chain = chain.flatMap(ignored -> find(number).invoke(found -> {
                if (found != null) {
                    states.put(number, found.state);
                }
            }).replaceWithVoid());
        }
        return chain.map(ignored -> states);
    }

    /**
     * Serialises detection for one service and category across transactions and replicas until this transaction
     * ends, so concurrent or redelivered incident events cannot both open a candidate.
     */
    public Uni<Void> lockPattern(UUID serviceId, String category) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)", String.class)
                .setParameter(1, "problem-detection:" + serviceId + ":" + category)
                .getSingleResult())
                .replaceWithVoid();
    }
}
