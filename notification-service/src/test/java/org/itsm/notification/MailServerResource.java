package org.itsm.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's mailer and its desk mailbox reader at the test JVM's {@link MailServer}. */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = MailServer.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "itsm.notification.inbound.imap.host", "127.0.0.1",
                "itsm.notification.inbound.imap.port", Integer.toString(MailServer.imapPort()),
                "itsm.notification.inbound.imap.username", MailServer.DESK_LOGIN,
                "itsm.notification.inbound.imap.password", MailServer.DESK_LOGIN,
                "itsm.notification.inbound.desk-address", MailServer.DESK_ADDRESS);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; GreenMail's threads end with it
    }
}
