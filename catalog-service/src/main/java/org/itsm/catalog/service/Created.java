package org.itsm.catalog.service;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.itsm.support.persistence.IdempotencyKeys;

import io.smallrye.mutiny.Uni;

/** Result of a create: the record and whether this call created it (201) or replays an earlier one (200). */
public record Created<T>(T record, boolean isNew) {

    /**
     * Runs {@code insert} once per (actor, Idempotency-Key) inside the caller's transaction and reads the record
     * back with {@code find}: new, or the one an earlier call with the same key created. {@code command} is what a
     * retry with the key must repeat.
     */
    static <T> Uni<Created<T>> once(IdempotencyKeys keys, Actor actor, String idempotencyKey, Record command,
            Supplier<Uni<UUID>> insert, Function<UUID, Uni<T>> find) {
        return keys.createOnce(actor.name(), idempotencyKey, command, insert)
                .flatMap(outcome -> find.apply(outcome.id())
                        .map(record -> new Created<>(record, !outcome.replayed())));
    }
}
