package org.itsm.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.RejectedChangeUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rejected change updates. They are written in a transaction of their own, next to the event that reports them:
 * the consumer's transaction rolls back so the change event reaches the dead-letter topic, yet the rejection
 * must stay visible on the service. The (event, service) key keeps a redelivery from recording it twice.
 */
@ApplicationScoped
public class RejectedChangeUpdateRepository implements PanacheRepositoryBase<RejectedChangeUpdate, UUID> {

    private final Pool pool;

    public RejectedChangeUpdateRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<RejectedChangeUpdate>> ofService(UUID serviceId) {
        return list("serviceId = ?1 order by rejectedAt", serviceId);
    }

    /**
     * Records the rejection once per (event, service), committed independently: the rejection itself, its outbox
     * event, a history entry naming the change, and the removal of the change's planned mark on the service.
     */
    public Uni<Void> recordIndependently(RejectedChangeUpdate rejection, String eventType, String subject,
            String eventJson) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                insert into rejected_change_update (id, service_id, event_id, change_id, change_number, reason, rejected_at)
                values ($1, $2, $3, $4, $5, $6, now()) on conflict (event_id, service_id) do nothing""")
                .execute(Tuple.from(List.of(rejection.id, rejection.serviceId, rejection.eventId, rejection.changeId,
                        rejection.changeNumber, rejection.reason)))
                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                insert into outbox_event (id, aggregate_id, type, subject, payload)
                                values ($1, $2, $3, $4, $5)""")
                                .execute(Tuple.from(List.of(UUID.randomUUID(), rejection.serviceId, eventType, subject,
                                        eventJson)))
                                .flatMap(ignored -> connection.preparedQuery("""
                                        insert into record_history (record_id, actor, field, old_value, new_value)
                                        values ($1, $2, 'rejectedChangeUpdate', null, $3)""")
                                        .execute(Tuple.of(rejection.serviceId, rejection.changeNumber,
                                                rejection.reason)))
                                // the marks removed are recorded on the service or offering they were on
                                .flatMap(ignored -> connection.preparedQuery("""
                                        with removed as (delete from planned_change
                                            where change_id = $1 and service_id = $2
                                            returning coalesce(offering_id, service_id) as record_id, change_number,
                                                      planned_start, planned_end)
                                        insert into record_history (record_id, actor, field, old_value, new_value)
                                        select record_id, change_number, 'plannedChange',
                                               change_number || ' ('
                                               || coalesce(to_char(planned_start at time zone 'UTC',
                                                      'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null') || ' - '
                                               || coalesce(to_char(planned_end at time zone 'UTC',
                                                      'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null') || ')', null
                                        from removed""")
                                        .execute(Tuple.of(rejection.changeId, rejection.serviceId)))
                                .replaceWithVoid()));
    }
}
