package org.itsm.incident.repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentFigures;
import org.itsm.incident.domain.IncidentState;
import org.itsm.events.api.Priority;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    static final List<IncidentState> OPEN = List.of(IncidentState.NEW, IncidentState.IN_PROGRESS,
            IncidentState.ON_HOLD);

    /** The open incident of a correlation key; {@code caller} non-null limits it to that caller's incidents. */
    public Uni<Incident> findOpenByCorrelationKey(String key, String caller) {
        if (caller != null) {
            return find("correlationKey = :key and state in :open and caller = :caller order by createdAt",
                    Parameters.with("key", key).and("open", OPEN).and("caller", caller)).firstResult();
        }
        return find("correlationKey = :key and state in :open order by createdAt",
                Parameters.with("key", key).and("open", OPEN)).firstResult();
    }

    /** The incident's parent, the parent's parent and so on (a chain that loops stops where it repeats). */
    public Uni<List<UUID>> ancestorIds(UUID id) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                with recursive chain(id) as (
                    select parent_id from incident where id = ?1 and parent_id is not null
                    union
                    select i.parent_id from incident i join chain c on i.id = c.id where i.parent_id is not null)
                select id from chain""", UUID.class)
                .setParameter(1, id)
                .getResultList());
    }

    public Uni<List<Incident>> findOpenByNumbers(List<String> numbers) {
        return list("number in :numbers and state in :open",
                Parameters.with("numbers", numbers).and("open", OPEN));
    }

    public Uni<List<Incident>> findOpenChildren(UUID parentId) {
        return list("parentId = :parent and state in :open", Parameters.with("parent", parentId).and("open", OPEN));
    }

    /** Where a run of the SLA monitor has got to: the check time and id of the last incident it read. */
    public record DueCursor(Instant checkAt, UUID id) {
    }

    /**
     * Up to {@code limit} open incidents whose SLA check is due, in order of check time, after {@code after} (null:
     * from the start). Ordered like the index on the check time, so the read stays a short index range whatever the
     * table's size.
     */
    public Uni<List<Incident>> findDueForSlaCheck(Instant now, DueCursor after, int limit) {
        String due = "state in :open and slaNextCheckAt <= :now";
        Parameters parameters = Parameters.with("open", OPEN).and("now", now);
        if (after != null) {
            due += " and (slaNextCheckAt > :afterAt or (slaNextCheckAt = :afterAt and id > :afterId))";
            parameters.and("afterAt", after.checkAt()).and("afterId", after.id());
        }
        return find(due + " order by slaNextCheckAt, id", parameters).range(0, limit - 1).list();
    }

    public Uni<Incident> findByNumber(String number) {
        return find("number", number).firstResult();
    }

    /** The measures in one scan of the table; "last 24h" counts from {@code since}. */
    public Uni<IncidentFigures> figures(Instant since) {
        return getSession().flatMap(session -> session.createNativeQuery("""
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
                .setParameter(1, since)
                .getSingleResult())
                .map(row -> {
                    Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
                    for (Priority priority : Priority.values()) {
                        byPriority.put(priority, number(row[1 + priority.ordinal()]).longValue());
                    }
                    long resolved = number(row[10]).longValue();
                    double compliance = resolved == 0 ? 100.0 : 100.0 * number(row[9]).longValue() / resolved;
                    return new IncidentFigures(number(row[0]).longValue(), byPriority, number(row[6]).longValue(),
                            number(row[7]).longValue(), number(row[8]).doubleValue(), compliance,
                            number(row[11]).longValue());
                });
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
