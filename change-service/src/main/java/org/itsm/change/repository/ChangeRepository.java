package org.itsm.change.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChangeRepository implements PanacheRepositoryBase<ChangeRequest, UUID> {

    /** States whose window occupies the calendar. */
    public static final List<ChangeState> ON_CALENDAR = List.of(ChangeState.ASSESS, ChangeState.AUTHORIZE,
            ChangeState.SCHEDULED, ChangeState.IMPLEMENT);

    /** Changes in {@code states} whose window ends after {@code from} and starts before {@code to}. */
    public Uni<List<ChangeRequest>> inWindow(List<ChangeState> states, Instant from, Instant to) {
        return list("state in :states and plannedStart < :to and plannedEnd > :from order by plannedStart",
                Parameters.with("states", states).and("from", from).and("to", to));
    }

    /** Failed or backed-out changes on any of the services, for the risk assessment. */
    public Uni<Integer> pastFailures(List<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // affected_service_ids is a JSON array of ids (JsonColumn.UuidList): does it hold any of them?
        return Panache.getSession().flatMap(session -> session.createNativeQuery("select count(*) from change_request"
                + " where outcome in ('FAILED', 'BACKED_OUT')"
                + " and jsonb_exists_any(cast(affected_service_ids as jsonb), string_to_array(?1, ','))", Long.class)
                .setParameter(1, String.join(",", serviceIds.stream().map(UUID::toString).toList()))
                .getSingleResult()).map(Long::intValue);
    }

    /**
     * Takes PostgreSQL's transaction-scoped advisory lock of each key, in sorted order (two callers never wait on each
     * other crosswise). Held until the transaction ends, so a second caller on the same keys waits for the first to
     * commit and then reads what it wrote.
     */
    public Uni<Void> lockCalendar(Collection<String> keys) {
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (String key : new TreeSet<>(keys)) {
            locked = locked.flatMap(ignored -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                    "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked",
                    Long.class).setParameter(1, "change-calendar:" + key).getSingleResult()).replaceWithVoid());
        }
        return locked;
    }
}
