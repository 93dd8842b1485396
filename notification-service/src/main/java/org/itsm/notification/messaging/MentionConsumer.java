package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentMentionEvent;
import org.itsm.notification.service.MentionNotifications;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** {@code @mentions} in incident comments and work notes become planned mails, once per event (its own group). */
@ApplicationScoped
public class MentionConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.mentions";

    private final EventInbox inbox;
    private final MentionNotifications mentions;

    public MentionConsumer(EventInbox inbox, MentionNotifications mentions) {
        this.inbox = inbox;
        this.mentions = mentions;
    }

    @Incoming("incident-mentions")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, Set.of(EventTypes.INCIDENT_MENTIONED), message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        IncidentMentionEvent mention = event.payload(IncidentMentionEvent.class);
        if (mention.id() == null || mention.number() == null || mention.author() == null) {
            throw new UnprocessableEventException("Mention " + event.id() + " lacks id, number or author");
        }
        return mentions.onMention(event.id(), mention);
    }
}
