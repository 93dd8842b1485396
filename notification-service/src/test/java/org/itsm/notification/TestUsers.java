package org.itsm.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.api.Roles;
import org.itsm.notification.directory.Account;
import org.itsm.notification.directory.Directory;
import org.itsm.notification.directory.Person;
import org.itsm.notification.domain.Audience;

import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;

/**
 * The directory of the component tests, in place of Keycloak (no Keycloak runs per test JVM; the Keycloak adapter is
 * exercised on the running platform). Users are named for what a test needs: {@code ko-…} reads Korean and lives in
 * Seoul, anything else English with no time zone, {@code nomail-…} has no address, {@code ghost-…} does not exist;
 * addresses are {@code <username>@itsm.test}. Roles (a sender looked up by address, someone mentioned):
 * {@code agent…} (after any language prefix) are agents, anyone else a requester. Groups and roles as audiences have
 * the members a test gives them ({@link #members(Audience, String...)}); {@code service-desk} exists without members;
 * others do not exist.
 */
@Mock
@ApplicationScoped
public class TestUsers implements Directory {

    private static final Map<Audience, List<String>> AUDIENCES = new ConcurrentHashMap<>(
            Map.of(Audience.group("service-desk"), List.of()));

    /** Gives an audience its members (replacing earlier ones). */
    public static void members(Audience audience, String... usernames) {
        AUDIENCES.put(audience, List.of(usernames));
    }

    @Override
    public Uni<Optional<Person>> find(String username) {
        if (username.startsWith("ghost-")) {
            return Uni.createFrom().item(Optional.empty());
        }
        String email = username.startsWith("nomail-") ? null : address(username);
        boolean korean = username.startsWith("ko-");
        return Uni.createFrom().item(Optional.of(new Person(username, email, korean ? "ko" : "en",
                korean ? ZoneId.of("Asia/Seoul") : null)));
    }

    @Override
    public Uni<Optional<List<String>>> members(Audience audience) {
        return Uni.createFrom().item(Optional.ofNullable(AUDIENCES.get(audience)));
    }

    @Override
    public Uni<Optional<Account>> accountByEmail(String address) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith("@itsm.test") || lower.startsWith("ghost-") || lower.startsWith("nomail-")) {
            return Uni.createFrom().item(Optional.empty());
        }
        String username = lower.substring(0, lower.indexOf('@'));
        return Uni.createFrom().item(Optional.of(new Account(username, rolesOf(username))));
    }

    @Override
    public Uni<Optional<Account>> account(String username) {
        if (username.startsWith("ghost-")) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().item(Optional.of(new Account(username, rolesOf(username))));
    }

    /** {@code agent…} (and {@code ko-agent…}, {@code en-agent…}) are agents, anyone else a requester. */
    private static List<String> rolesOf(String username) {
        return username.replaceFirst("^(ko|en)-", "").startsWith("agent") ? List.of(Roles.AGENT)
                : List.of(Roles.REQUESTER);
    }

    public static String address(String username) {
        return username + "@itsm.test";
    }
}
