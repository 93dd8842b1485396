package org.itsm.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service desk's mailbox, {@code itsm.notification.inbound.*}: where replies go and where they are read. */
@ConfigMapping(prefix = "itsm.notification.inbound")
public interface InboundConfig {

    /**
     * The desk's address. Mails about a record carry it in {@code Reply-To} with the record's number as a plus-address
     * ({@code servicedesk+INC0001001@itsm.example.org}); new mail to it opens an incident.
     */
    @WithDefault("servicedesk@itsm.example.org")
    String deskAddress();

    /** Whether the desk mailbox is read at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the mailbox is read for unseen mail (read by the poller's schedule). */
    @WithDefault("10s")
    Duration pollInterval();

    /** The wait after start-up before the first read. */
    @WithDefault("5s")
    Duration initialDelay();

    /** How many unseen mails one read takes at most. */
    @WithDefault("50")
    int batchSize();

    Imap imap();

    interface Imap {
        @WithDefault("localhost")
        String host();

        @WithDefault("3143")
        int port();

        /** {@code imap} or {@code imaps}. */
        @WithDefault("imap")
        String protocol();

        @WithDefault("servicedesk")
        String username();

        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        /** Connect and read timeout. */
        @WithDefault("10s")
        Duration timeout();
    }
}
