package org.itsm.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.problem.KnownErrorEvent;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.notification.service.ProblemNotifications;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/**
 * Problem events become planned deliveries: a detected candidate (problem managers), a published known error and an
 * incident linked to a problem that has one (the incidents' callers); the others are acknowledged at once.
 */
@ApplicationScoped
public class ProblemEventConsumer {

    /** The inbox key; never rename it. */
    static final String CONSUMER = "notification-service.problem";

    static final Set<String> HANDLED = Set.of(EventTypes.PROBLEM_CANDIDATE_DETECTED,
            EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED, EventTypes.PROBLEM_INCIDENT_LINKED);

    private final EventInbox inbox;
    private final ProblemNotifications notifications;

    public ProblemEventConsumer(EventInbox inbox, ProblemNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("problem-audience-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, HANDLED, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED.equals(event.type())) {
            KnownErrorEvent knownError = event.payload(KnownErrorEvent.class);
            if (knownError.problemId() == null || knownError.problemNumber() == null) {
                throw new UnprocessableEventException("Known-error event " + event.id() + " lacks its problem");
            }
            return notifications.onWorkaround(event.id(), event.type(), knownError.problemNumber(),
                    knownError.workaround(), knownError.linkedIncidentNumbers());
        }
        if (!HANDLED.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ProblemEvent problem = event.payload(ProblemEvent.class);
        if (problem.id() == null || problem.number() == null) {
            throw new UnprocessableEventException("Problem event " + event.id() + " lacks id or number");
        }
        if (EventTypes.PROBLEM_INCIDENT_LINKED.equals(event.type())) {
            return notifications.onWorkaround(event.id(), event.type(), problem.number(),
                    problem.knownErrorWorkaround(), problem.affectedIncidentNumbers());
        }
        return notifications.onProblemEvent(event.id(), event.type(), problem);
    }
}
