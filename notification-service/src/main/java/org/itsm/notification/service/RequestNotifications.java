package org.itsm.notification.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.ServiceRequestEvent;
import org.itsm.notification.domain.RequestNotificationRules;

import io.smallrye.mutiny.Uni;

/** Turns service-request events into planned deliveries; runs inside the event inbox's transaction. */
@ApplicationScoped
public class RequestNotifications {

    private final DeliveryPlanner planner;

    public RequestNotifications(DeliveryPlanner planner) {
        this.planner = planner;
    }

    public Uni<Void> onRequestEvent(UUID eventId, String type, ServiceRequestEvent event) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", event.number());
        facts.put("shortDescription", event.itemName());
        facts.put("state", event.state());
        facts.put("requester", event.requester());
        facts.put("approver", event.approver());
        facts.put("dueAt", event.dueAt() == null ? null : event.dueAt().toString());
        return planner.plan(eventId, type, event.id(), event.number(), RequestNotificationRules.forRequestEvent(type,
                event.state(), event.requester(), event.approver()), facts);
    }
}
