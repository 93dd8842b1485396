package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.incident.InboundMailOutcome;
import org.itsm.notification.service.InboundMails;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/**
 * incident-service's answers about forwarded mail ({@code mail-handled}) update the desk mailbox's record, once per
 * event; the other incident events are acknowledged at once. Its own consumer group on the incident topic, so the
 * notification planning is not touched.
 */
@ApplicationScoped
public class MailOutcomeConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.inbound-mail";

    private final EventInbox inbox;
    private final InboundMails mails;

    public MailOutcomeConsumer(EventInbox inbox, InboundMails mails) {
        this.inbox = inbox;
        this.mails = mails;
    }

    @Incoming("incident-mail-outcomes")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, Set.of(EventTypes.INCIDENT_MAIL_HANDLED), message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        InboundMailOutcome outcome = event.payload(InboundMailOutcome.class);
        if (outcome.mailId() == null || outcome.outcome() == null) {
            throw new UnprocessableEventException("Mail outcome " + event.id() + " lacks mailId or outcome");
        }
        return mails.onOutcome(outcome);
    }
}
