package org.itsm.problem.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Links between problems and incidents (by incident number), with what the incident read model knows of them. */
@ApplicationScoped
public class ProblemLinkRepository {

    /** A linked incident, with its id and state as last seen in incident events (null when not seen yet). */
    public record LinkedIncident(String incidentNumber, UUID incidentId, String state, UUID serviceId, String category,
            String linkedBy, Instant linkedAt) {
    }

    /** Links the incident; emits false when it was already linked to this problem. */
    public Uni<Boolean> link(UUID problemId, String incidentNumber, String actor, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into problem_incident (problem_id, incident_number, linked_by, linked_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, problemId).setParameter(2, incidentNumber).setParameter(3, actor)
                .setParameter(4, at)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Removes the link; emits false when there was none. */
    public Uni<Boolean> unlink(UUID problemId, String incidentNumber) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "delete from problem_incident where problem_id = ?1 and incident_number = ?2")
                .setParameter(1, problemId).setParameter(2, incidentNumber)
                .executeUpdate())
                .map(deleted -> deleted == 1);
    }

    public Uni<List<String>> numbersOf(UUID problemId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select incident_number from problem_incident where problem_id = ?1 order by incident_number",
                String.class)
                .setParameter(1, problemId)
                .getResultList());
    }

    /** The number of the open problem other than {@code except} the incident is linked to, or null. */
    public Uni<String> otherOpenProblemOf(String incidentNumber, UUID except) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select p.number from problem_incident l join problem p on p.id = l.problem_id
                where l.incident_number = ?1 and p.id <> ?2
                  and p.state in ('NEW', 'ASSESSMENT', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS')
                limit 1""", String.class)
                .setParameter(1, incidentNumber).setParameter(2, except)
                .getResultList())
                .map(numbers -> numbers.isEmpty() ? null : numbers.get(0));
    }

    /**
     * The open problems other than {@code except} that the incidents are linked to (incident number → problem
     * number); incidents in none are absent.
     */
    public Uni<Map<String, String>> otherOpenProblemsOf(List<String> incidentNumbers, UUID except) {
        Map<String, String> found = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String number : incidentNumbers) {
            chain = chain.flatMap(ignored -> otherOpenProblemOf(number, except).invoke(problem -> {
                if (problem != null) {
                    found.put(number, problem);
                }
            }).replaceWithVoid());
        }
        return chain.map(ignored -> found);
    }

    /**
     * Serialises linking of these incidents across transactions and replicas until this transaction ends, so two
     * problems cannot both take one incident. Locks in number order, so two linking transactions never deadlock.
     */
    public Uni<Void> lockIncidents(List<String> incidentNumbers) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String number : incidentNumbers.stream().distinct().sorted().toList()) {
            chain = chain.flatMap(ignored -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                    "select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)", String.class)
                    .setParameter(1, "problem-link:" + number)
                    .getSingleResult())
                    .replaceWithVoid());
        }
        return chain;
    }

    /** The number of the open problem the incident is linked to, or null. */
    public Uni<String> openProblemOf(String incidentNumber) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select p.number from problem_incident l join problem p on p.id = l.problem_id
                where l.incident_number = ?1
                  and p.state in ('NEW', 'ASSESSMENT', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS')
                limit 1""", String.class)
                .setParameter(1, incidentNumber)
                .getResultList())
                .map(numbers -> numbers.isEmpty() ? null : numbers.get(0));
    }

    public Uni<List<LinkedIncident>> linkedIncidents(UUID problemId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select l.incident_number, cast(o.id as text), o.state, cast(o.service_id as text), o.category,
                       l.linked_by, l.linked_at
                from problem_incident l left join observed_incident o on o.number = l.incident_number
                where l.problem_id = ?1 order by l.linked_at, l.incident_number""", Object[].class)
                .setParameter(1, problemId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new LinkedIncident((String) row[0], uuid(row[1]), (String) row[2],
                        uuid(row[3]), (String) row[4], (String) row[5], toInstant(row[6]))).toList());
    }

    private static UUID uuid(Object text) {
        return text == null ? null : UUID.fromString((String) text);
    }

    static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
