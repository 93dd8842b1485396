package org.itsm.incident.service;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Reactive helpers of the use cases. */
final class Unis {

    private Unis() {
    }

    /** Runs {@code step} for each item, one after the other (one session: never concurrently). */
    static <T> Uni<Void> chain(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
