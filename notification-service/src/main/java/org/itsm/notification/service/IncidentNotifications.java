package org.itsm.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.incident.IncidentEvent;
import org.itsm.events.incident.IncidentSlaEvent;
import org.itsm.notification.config.NotificationConfig;
import org.itsm.notification.domain.IncidentNotificationRules;
import org.itsm.notification.domain.IncidentView;
import org.itsm.notification.domain.PlannedNotification;

import io.smallrye.mutiny.Uni;

/**
 * Turns incident events into planned deliveries (at most one per event, recipient and kind) and keeps the incident
 * read model the SLA events need. Runs inside the event inbox's transaction; sending is the dispatcher's job.
 */
@ApplicationScoped
public class IncidentNotifications {

    private final DeliveryPlanner planner;
    private final Clock clock;
    private final NotificationConfig config;

    public IncidentNotifications(DeliveryPlanner planner, Clock clock, NotificationConfig config) {
        this.planner = planner;
        this.clock = clock;
        this.config = config;
    }

    /** An incident lifecycle event (its {@code holdReason} tells a wait for the caller from other holds). */
    public Uni<Void> onIncidentEvent(UUID eventId, String type, IncidentEvent event) {
        List<PlannedNotification> planned = IncidentNotificationRules.forIncidentEvent(type, event.state(),
                event.holdReason(), event.caller(), event.assignee(), event.assignmentGroup(), event.changedFields(),
                config.audiences().majorIncidentGroup().orElse(null));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", event.number());
        facts.put("shortDescription", event.shortDescription());
        facts.put("priority", event.priority());
        facts.put("state", event.state());
        facts.put("caller", event.caller());
        facts.put("assignee", event.assignee());
        facts.put("resolutionCode", event.resolutionCode());
        facts.put("group", event.assignmentGroup());
        return remember(event)
                .flatMap(ignored -> planner.plan(eventId, type, event.id(), event.number(), planned, facts));
    }

    /**
     * An SLA clock crossed its at-risk or breached line: the assignee known from earlier events is told, and the
     * event's assignment group (else the one known from earlier events).
     */
    public Uni<Void> onSlaEvent(UUID eventId, String type, IncidentSlaEvent event) {
        return IncidentView.<IncidentView>findById(event.incidentId()).flatMap(view -> {
            String assignee = view == null ? null : view.assignee;
            String group = event.assignmentGroup() != null ? event.assignmentGroup()
                    : view == null ? null : view.assignmentGroup;
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("number", event.number());
            facts.put("shortDescription", view == null ? null : view.shortDescription);
            facts.put("priority", event.priority());
            facts.put("caller", event.caller());
            facts.put("assignee", assignee);
            facts.put("clock", event.clock());
            facts.put("dueAt", event.dueAt() == null ? null : event.dueAt().toString());
            facts.put("group", group);
            return planner.plan(eventId, type, event.incidentId(), event.number(),
                    IncidentNotificationRules.forSlaEvent(type, assignee, group), facts);
        });
    }

    private Uni<Void> remember(IncidentEvent event) {
        return IncidentView.<IncidentView>findById(event.id()).flatMap(found -> {
            Instant at = event.occurredAt() == null ? clock.instant() : event.occurredAt();
            if (found != null && found.updatedAt != null && at.isBefore(found.updatedAt)) {
                return Uni.createFrom().voidItem();
            }
            IncidentView view = found == null ? new IncidentView() : found;
            view.id = event.id();
            view.number = event.number();
            view.shortDescription = event.shortDescription();
            view.caller = event.caller();
            view.assignee = event.assignee();
            view.assignmentGroup = event.assignmentGroup();
            view.state = event.state();
            view.priority = event.priority();
            view.updatedAt = at;
            return found == null ? view.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
