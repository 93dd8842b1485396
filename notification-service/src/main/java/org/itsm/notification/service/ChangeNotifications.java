package org.itsm.notification.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.change.ChangeEvent;
import org.itsm.notification.domain.ChangeNotificationRules;

import io.smallrye.mutiny.Uni;

/** Turns change events into planned deliveries; runs inside the event inbox's transaction. */
@ApplicationScoped
public class ChangeNotifications {

    private final DeliveryPlanner planner;

    public ChangeNotifications(DeliveryPlanner planner) {
        this.planner = planner;
    }

    public Uni<Void> onChangeEvent(UUID eventId, String type, ChangeEvent event) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", event.number());
        facts.put("shortDescription", event.title());
        facts.put("state", event.state());
        facts.put("changeType", event.type());
        facts.put("riskLevel", event.riskLevel());
        facts.put("requester", event.requester());
        facts.put("implementer", event.implementer());
        facts.put("plannedStart", event.plannedStart() == null ? null : event.plannedStart().toString());
        facts.put("plannedEnd", event.plannedEnd() == null ? null : event.plannedEnd().toString());
        facts.put("outcome", event.outcome());
        return planner.plan(eventId, type, event.id(), event.number(), ChangeNotificationRules.forChangeEvent(type,
                event.state(), event.requester(), event.implementer(), event.awaitedVotes(), event.changedFields()),
                facts);
    }
}
