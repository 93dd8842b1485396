package org.itsm.notification.directory;

import java.util.List;
import java.util.Optional;

import org.itsm.notification.domain.Audience;

import io.smallrye.mutiny.Uni;

/**
 * Where recipients' addresses and languages come from: never from an event, always from the identity provider
 * ({@link KeycloakDirectory}). Empty when no such user exists; a failure when the directory cannot be asked now
 * (the delivery is retried).
 */
public interface Directory {

    Uni<Optional<Person>> find(String username);

    /**
     * The enabled user whose email address is {@code address} (compared case-insensitively), with their realm roles:
     * who sent a mail to the desk. Empty when no user has it.
     */
    Uni<Optional<Account>> accountByEmail(String address);

    /** The enabled user {@code username} with their realm roles: whether someone mentioned may see the record. */
    Uni<Optional<Account>> account(String username);

    /**
     * The user names of an audience's enabled members: the members of a group, or the users holding a realm role.
     * Empty when no such group or role exists; a failure when the directory cannot be asked now.
     */
    Uni<Optional<List<String>>> members(Audience audience);
}
