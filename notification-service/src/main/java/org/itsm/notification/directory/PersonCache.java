package org.itsm.notification.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Looked-up people (and known absences) kept for a time-to-live read from the {@link Clock}; a failed lookup is not
 * kept, so the next attempt asks again.
 */
public final class PersonCache {

    private record Entry(Optional<Person> person, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public PersonCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Uni<Optional<Person>> get(String username, Function<String, Uni<Optional<Person>>> lookup) {
        Entry entry = entries.get(username);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return Uni.createFrom().item(entry.person());
        }
        return lookup.apply(username)
                .invoke(person -> entries.put(username, new Entry(person, clock.instant().plus(ttl))));
    }
}
