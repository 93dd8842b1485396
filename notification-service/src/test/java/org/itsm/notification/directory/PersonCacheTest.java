package org.itsm.notification.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class PersonCacheTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final PersonCache cache = new PersonCache(clock, Duration.ofMinutes(10));
    private final AtomicInteger lookups = new AtomicInteger();
    private final Function<String, Uni<Optional<Person>>> directory = username -> {
        lookups.incrementAndGet();
        return Uni.createFrom().item(Optional.of(new Person(username, username + "@x.test", "ko", null)));
    };

    @Test
    void aPersonIsLookedUpOnceWithinTheTimeToLive() {
        Person first = cache.get("kim", directory).await().indefinitely().orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        Person second = cache.get("kim", directory).await().indefinitely().orElseThrow();
        assertEquals(first, second);
        assertEquals(1, lookups.get());
    }

    @Test
    void anExpiredEntryIsLookedUpAgain() {
        cache.get("kim", directory).await().indefinitely();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        cache.get("kim", directory).await().indefinitely();
        assertEquals(2, lookups.get());
    }

    @Test
    void aFailedLookupIsNotKept() {
        Function<String, Uni<Optional<Person>>> down = username -> {
            lookups.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("Keycloak down"));
        };
        assertThrows(IllegalStateException.class, () -> cache.get("kim", down).await().indefinitely());
        cache.get("kim", directory).await().indefinitely();
        assertEquals(2, lookups.get());
    }
}
