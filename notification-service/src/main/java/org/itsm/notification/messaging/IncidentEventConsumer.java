package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.events.incident.IncidentSlaEvent;
import org.itsm.notification.service.IncidentNotifications;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;


import io.smallrye.mutiny.Uni;

/** Incident events become planned deliveries, once per event (the inbox) and per recipient and kind (the table). */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.incident";

    /** The incident events this consumer acts on; the others are acknowledged without a transaction. */
    static final Set<String> HANDLED = Set.of(EventTypes.INCIDENT_CREATED, EventTypes.INCIDENT_UPDATED,
            EventTypes.INCIDENT_ASSIGNED, EventTypes.INCIDENT_STATE_CHANGED, EventTypes.INCIDENT_RESOLVED,
            EventTypes.INCIDENT_CLOSED, EventTypes.INCIDENT_REOPENED, EventTypes.INCIDENT_MAJOR_DECLARED,
            EventTypes.INCIDENT_SLA_AT_RISK, EventTypes.INCIDENT_SLA_BREACHED);

    private final EventInbox inbox;
    private final IncidentNotifications notifications;

    public IncidentEventConsumer(EventInbox inbox, IncidentNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("incident-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, HANDLED, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (EventTypes.INCIDENT_SLA_AT_RISK.equals(event.type()) || EventTypes.INCIDENT_SLA_BREACHED.equals(event.type())) {
            IncidentSlaEvent sla = event.payload(IncidentSlaEvent.class);
            if (sla.incidentId() == null || sla.number() == null) {
                throw new UnprocessableEventException("SLA event " + event.id() + " lacks incidentId or number");
            }
            return notifications.onSlaEvent(event.id(), event.type(), sla);
        }
        IncidentEvent incident = event.payload(IncidentEvent.class);
        if (incident.id() == null || incident.number() == null || incident.state() == null) {
            throw new UnprocessableEventException("Incident event " + event.id() + " lacks id, number or state");
        }
        return notifications.onIncidentEvent(event.id(), event.type(), incident);
    }
}
