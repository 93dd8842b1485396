package org.itsm.problem.service;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Running one reactive step per item, one after the other (in one session, which allows no concurrent use). */
final class Unis {

    private Unis() {
    }

    static <T> Uni<Void> chain(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
