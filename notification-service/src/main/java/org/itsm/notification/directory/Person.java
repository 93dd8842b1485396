package org.itsm.notification.directory;

/** A platform user as mails need them: their address and language (ko or en). */
public record Person(String username, String email, String language) {

    public boolean reachable() {
        return email != null && !email.isBlank();
    }
}
