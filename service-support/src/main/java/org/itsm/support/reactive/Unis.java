package org.itsm.support.reactive;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Reactive steps the services chain the same way. */
public final class Unis {

    private Unis() {
    }

    /**
     * Runs one step per item, one after the other: inside one Hibernate Reactive session, which allows no concurrent
     * use, {@code Uni.join()} over the items would fail.
     */
    public static <T> Uni<Void> chain(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
