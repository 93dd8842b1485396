package org.itsm.support.persistence;

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

    static String format(String prefix, long value) {
        return prefix + String.format("%07d", value);
    }
}
