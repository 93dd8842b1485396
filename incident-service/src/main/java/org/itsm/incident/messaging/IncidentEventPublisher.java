package org.itsm.incident.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentEvent;
import org.itsm.events.incident.IncidentMentionEvent;
import org.itsm.events.incident.IncidentSlaEvent;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.SlaAlert;
import org.itsm.support.outbox.OutboxWriter;

import io.smallrye.mutiny.Uni;

/** Turns incident changes into contract events in the outbox (same transaction as the change). */
@ApplicationScoped
public class IncidentEventPublisher {

    private final OutboxWriter outbox;
    private final Clock clock;

    public IncidentEventPublisher(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> publish(String type, Incident incident, List<String> changedFields) {
        IncidentEvent event = new IncidentEvent(incident.id, incident.number, incident.shortDescription,
                incident.state.name(), incident.priority.name(), incident.impact, incident.urgency, incident.category,
                incident.serviceId, incident.offeringId, incident.caller, incident.assignmentGroup, incident.assignee,
                incident.major, incident.resolutionCode,
                incident.holdReason == null ? null : incident.holdReason.name(), incident.causedByChange, changedFields,
                clock.instant());
        return outbox.append(type, incident.id, incident.number, event);
    }

    public Uni<Void> publishSla(Incident incident, String clockName, String slaState, Instant dueAt) {
        String type = SlaAlert.BREACHED.name().equals(slaState) ? EventTypes.INCIDENT_SLA_BREACHED : EventTypes.INCIDENT_SLA_AT_RISK;
        IncidentSlaEvent event = new IncidentSlaEvent(incident.id, incident.number, incident.priority.name(), clockName,
                slaState, dueAt, incident.serviceId, incident.caller, incident.assignmentGroup, clock.instant());
        return outbox.append(type, incident.id, incident.number, event);
    }

    /** People {@code @mentioned} in a comment or work note: who wrote, whom they named, never the text. */
    public Uni<Void> publishMentions(Incident incident, String author, boolean workNote, List<String> mentioned) {
        IncidentMentionEvent event = new IncidentMentionEvent(incident.id, incident.number, incident.shortDescription,
                incident.caller, author, workNote, mentioned, clock.instant());
        return outbox.append(EventTypes.INCIDENT_MENTIONED, incident.id, incident.number, event);
    }
}
