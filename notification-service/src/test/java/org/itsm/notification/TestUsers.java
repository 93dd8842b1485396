package org.itsm.notification;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.api.Roles;
import org.itsm.notification.directory.Account;
import org.itsm.notification.directory.Directory;
import org.itsm.notification.directory.Person;

import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;

/**
 * The directory of the component tests, in place of Keycloak (no Keycloak runs per test JVM; the Keycloak adapter is
 * exercised on the running platform). Users are named for what a test needs: {@code ko-…} reads Korean, anything
 * else English, {@code nomail-…} has no address, {@code ghost-…} does not exist; addresses are
 * {@code <username>@itsm.test}. Roles (a sender looked up by address, someone mentioned): {@code agent…} (after
 * any language prefix) are agents, anyone else a requester.
 */
@Mock
@ApplicationScoped
public class TestUsers implements Directory {

    @Override
    public Uni<Optional<Person>> find(String username) {
        if (username.startsWith("ghost-")) {
            return Uni.createFrom().item(Optional.empty());
        }
        String email = username.startsWith("nomail-") ? null : address(username);
        String language = username.startsWith("ko-") ? "ko" : "en";
        return Uni.createFrom().item(Optional.of(new Person(username, email, language)));
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
