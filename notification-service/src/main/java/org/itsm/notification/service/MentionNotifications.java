package org.itsm.notification.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.incident.IncidentMentionEvent;
import org.itsm.notification.domain.MentionRules;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.domain.PlannedNotification;

import io.smallrye.mutiny.Uni;

/**
 * A mention plans one {@link NotificationKind#INCIDENT_MENTIONED} mail per person named (not the author); whether
 * they may see it is checked before sending ({@link MentionAudience}), their preferences and language as for every
 * mail.
 */
@ApplicationScoped
public class MentionNotifications {

    private final DeliveryPlanner planner;

    public MentionNotifications(DeliveryPlanner planner) {
        this.planner = planner;
    }

    public Uni<Void> onMention(UUID eventId, IncidentMentionEvent event) {
        List<PlannedNotification> planned = MentionRules.recipients(event.mentioned(), event.author()).stream()
                .map(recipient -> new PlannedNotification(recipient, NotificationKind.INCIDENT_MENTIONED)).toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", event.number());
        facts.put("shortDescription", event.shortDescription());
        facts.put("caller", event.caller());
        facts.put("author", event.author());
        facts.put("note", event.workNote() ? "WORK_NOTE" : "COMMENT");
        return planner.plan(eventId, EventTypes.INCIDENT_MENTIONED, event.id(), event.number(), planned, facts);
    }
}
