package org.itsm.notification.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.problem.ProblemEvent;
import org.itsm.notification.domain.IncidentView;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.domain.PlannedNotification;
import org.itsm.notification.domain.ProblemNotificationRules;
import org.itsm.notification.domain.ProblemNotificationRules.LinkedIncident;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Turns problem events into planned deliveries; runs inside the event inbox's transaction. The callers of linked
 * incidents come from the service's own incident read model ({@code incident_view}, fed by incident events).
 */
@ApplicationScoped
public class ProblemNotifications {

    private final DeliveryPlanner planner;

    public ProblemNotifications(DeliveryPlanner planner) {
        this.planner = planner;
    }

    /** A problem moment: a detected candidate tells the problem managers. */
    public Uni<Void> onProblemEvent(UUID eventId, String type, ProblemEvent event) {
        List<String> linked = event.linkedIncidentNumbers() == null ? List.of() : event.linkedIncidentNumbers();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", event.number());
        facts.put("category", event.category());
        facts.put("state", event.state());
        facts.put("incidents", String.join(", ", linked));
        return planner.plan(eventId, type, event.id(), event.number(), ProblemNotificationRules.forProblemEvent(type),
                facts);
    }

    /**
     * A workaround reached incidents (a known error published, or an incident linked to a problem that has one): the
     * callers of those still open hear of it, one mail each, about their incident.
     */
    public Uni<Void> onWorkaround(UUID eventId, String type, String problemNumber, String workaround,
            List<String> incidentNumbers) {
        if (incidentNumbers == null || incidentNumbers.isEmpty() || workaround == null || workaround.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return IncidentView.<IncidentView>list("number in ?1", incidentNumbers).flatMap(views -> {
            List<LinkedIncident> linked = incidentNumbers.stream()
                    .flatMap(number -> views.stream().filter(view -> number.equals(view.number)).limit(1))
                    .map(view -> new LinkedIncident(view.number, view.id, view.caller, view.state))
                    .toList();
            return Multi.createFrom().iterable(ProblemNotificationRules.workaroundRecipients(linked))
                    .onItem().transformToUniAndConcatenate(incident -> {
                        IncidentView view = views.stream().filter(candidate -> candidate.id.equals(incident.id()))
                                .findFirst().orElseThrow();
                        Map<String, String> facts = new LinkedHashMap<>();
                        facts.put("number", view.number);
                        facts.put("shortDescription", view.shortDescription);
                        facts.put("priority", view.priority);
                        facts.put("caller", view.caller);
                        facts.put("problemNumber", problemNumber);
                        facts.put("workaround", workaround);
                        return planner.plan(eventId, type, view.id, view.number, List.of(new PlannedNotification(
                                incident.caller(), NotificationKind.INCIDENT_WORKAROUND_PUBLISHED)), facts);
                    })
                    .collect().asList()
                    .replaceWithVoid();
        });
    }
}
