package org.itsm.problem.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.problem.service.RecurringIncidentDetector;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/** Incident events feed the incident read model and recurring-incident detection. */
@ApplicationScoped
public class IncidentEventConsumer {

    static final String CONSUMER = "problem-service.incident";

    private final EventInbox inbox;
    private final RecurringIncidentDetector detector;

    public IncidentEventConsumer(EventInbox inbox, RecurringIncidentDetector detector) {
        this.inbox = inbox;
        this.detector = detector;
    }

    @Incoming("incident-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (event.type() == null || !event.type().startsWith("itsm.incident.")
                || EventTypes.INCIDENT_SLA_AT_RISK.equals(event.type())
                || EventTypes.INCIDENT_SLA_BREACHED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        IncidentEvent incident = event.payload(IncidentEvent.class);
        if (incident.number() == null || incident.id() == null || incident.state() == null) {
            throw new UnprocessableEventException("Incident event " + event.id() + " lacks number, id or state");
        }
        return detector.observe(incident);
    }
}
