package org.itsm.support.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Human numbers per prefix (INC0001001, INC0001002, ...), from one PostgreSQL sequence per prefix (see migration
 * V0_4): unique and ascending in the order records are created, without making concurrent creates wait for each
 * other. A create that rolls back leaves its number unused.
 */
@ApplicationScoped
public class NumberSequence {

    public Uni<String> next(String prefix) {
        // HQL rather than a native query: Hibernate Reactive (3.2) never finds a native select's plan in its cache, so
        // every native select adds an entry, and lookups of the same SQL walk all of them (measured: a fifth of a
        // create's CPU). HQL plans are found again.
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select function('next_number', :prefix)", String.class)
                .setParameter("prefix", prefix)
                .getSingleResult());
    }
}
