package org.itsm.notification.directory;

import java.util.List;

/** A platform user as the desk mailbox needs them: who they are and their realm roles (from the directory). */
public record Account(String username, List<String> roles) {

    public Account {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
