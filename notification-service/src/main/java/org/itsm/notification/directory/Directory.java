package org.itsm.notification.directory;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where recipients' addresses and languages come from: never from an event, always from the identity provider
 * ({@link KeycloakDirectory}). Empty when no such user exists; a failure when the directory cannot be asked now
 * (the delivery is retried).
 */
public interface Directory {

    Uni<Optional<Person>> find(String username);
}
