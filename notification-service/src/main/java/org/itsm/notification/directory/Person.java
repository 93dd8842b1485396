package org.itsm.notification.directory;

import java.time.ZoneId;

/** A platform user as mails need them: their address, language (ko or en) and time zone (null: unknown). */
public record Person(String username, String email, String language, ZoneId timeZone) {

    public boolean reachable() {
        return email != null && !email.isBlank();
    }
}
