package org.itsm.support.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The audit trail of records, written in the transaction of the change it describes. */
@ApplicationScoped
public class RecordHistory {

    public Uni<Void> record(UUID recordId, String actor, List<FieldChange> changes) {
        List<FieldChange> moved = changes.stream().filter(FieldChange::changed).toList();
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one statement for all the fields a change moved: one round trip instead of one per field
        StringBuilder sql = new StringBuilder(
                "insert into record_history (record_id, actor, field, old_value, new_value) values ");
        for (int i = 0; i < moved.size(); i++) {
            int first = 3 + 3 * i;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?2, ?").append(first).append(", ?").append(first + 1)
                    .append(", ?").append(first + 2).append(')');
        }
        return Panache.getSession().flatMap(session -> {
            var insert = session.createNativeQuery(sql.toString()).setParameter(1, recordId).setParameter(2, actor);
            for (int i = 0; i < moved.size(); i++) {
                FieldChange change = moved.get(i);
                insert.setParameter(3 + 3 * i, change.field())
                        .setParameter(4 + 3 * i, change.from())
                        .setParameter(5 + 3 * i, change.to());
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    public Uni<List<HistoryEntry>> of(UUID recordId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select at, actor, field, old_value, new_value from record_history
                where record_id = ?1 order by seq""", Object[].class)
                .setParameter(1, recordId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new HistoryEntry(toInstant(row[0]), (String) row[1],
                        (String) row[2], (String) row[3], (String) row[4])).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
