package org.itsm.catalog.service;

import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Steps on one reactive session run one after another, never at once (a session is not thread-safe). */
final class Sequentially {

    private Sequentially() {
    }

    static <T> Uni<Void> each(Iterable<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
