package org.itsm.incident.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.notification.InboundMailEvent;
import org.itsm.incident.service.MailToIncidents;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Mail to the service desk (notification-service's {@code mail-received}) becomes a comment or an incident, once. */
@ApplicationScoped
public class InboundMailConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "incident-service.inbound-mail";

    private final EventInbox inbox;
    private final MailToIncidents mailToIncidents;

    public InboundMailConsumer(EventInbox inbox, MailToIncidents mailToIncidents) {
        this.inbox = inbox;
        this.mailToIncidents = mailToIncidents;
    }

    @Incoming("notification-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, Set.of(EventTypes.NOTIFICATION_MAIL_RECEIVED), message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        InboundMailEvent mail = event.payload(InboundMailEvent.class);
        if (mail.mailId() == null || mail.sender() == null || mail.sender().isBlank()) {
            throw new UnprocessableEventException("Inbound mail " + event.id() + " lacks mailId or sender");
        }
        return mailToIncidents.handle(mail);
    }
}
