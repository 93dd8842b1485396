package org.itsm.support.persistence;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gap-free human numbers per prefix (INC0001001, INC0001002, ...). Taken inside the creating transaction: the row
 * lock serialises concurrent creates and a rollback gives the number back.
 */
@ApplicationScoped
public class NumberSequence {

    static final long FIRST = 1001;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public Uni<String> next(String prefix) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into number_sequence (prefix, next_value) values (?1, ?2)
                on conflict (prefix) do update set next_value = number_sequence.next_value + 1
                returning next_value""", Long.class)
                .setParameter(1, prefix)
                .setParameter(2, FIRST)
                .getSingleResult())
                .map(value -> format(prefix, value));
    }

    /**
     * Numbers a record created in this transaction, as the transaction's last statement. The sequence row stays
     * locked from here to the commit, so concurrent creates queue only for that moment instead of the whole
     * transaction. Until then the record and its outbox events carry {@link #placeholder(UUID)} as number and
     * subject; this statement replaces both, and the {@code number} field of the events' payloads, in one round trip.
     *
     * @param table the record's table, with columns {@code id} and {@code number}
     */
    public Uni<String> numberLast(String prefix, String table, UUID id) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                with taken as (
                    insert into number_sequence (prefix, next_value) values (?1, ?2)
                    on conflict (prefix) do update set next_value = number_sequence.next_value + 1
                    returning ?1 || lpad(next_value::text, greatest(7, length(next_value::text)), '0') as number),
                numbered as (
                    update %s set number = (select number from taken) where id = ?3 returning number),
                announced as (
                    update outbox_event set subject = numbered.number,
                        payload = jsonb_set(payload::jsonb, '{number}', to_jsonb(numbered.number))::text
                    from numbered where aggregate_id = ?3 and published_at is null and subject = ?4)
                select number from numbered""".formatted(table), String.class)
                .setParameter(1, prefix)
                .setParameter(2, FIRST)
                .setParameter(3, id)
                .setParameter(4, placeholder(id))
                .getSingleResult());
    }

    /** The number a record and its events carry until {@link #numberLast} replaces it. */
    public static String placeholder(UUID id) {
        return id.toString();
    }

    static String format(String prefix, long value) {
        return prefix + String.format("%07d", value);
    }
}
