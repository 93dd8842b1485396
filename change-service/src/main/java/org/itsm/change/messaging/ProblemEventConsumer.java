package org.itsm.change.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.change.service.ChangeUpdatesFromEvents;
import org.itsm.events.EventTypes;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/**
 * Translates problem events: a problem that names its fix change is handed to
 * {@link ChangeUpdatesFromEvents#problemNamesFixChange} (the change keeps the problem's number).
 */
@ApplicationScoped
public class ProblemEventConsumer {

    static final String CONSUMER = "change-service.problem";

    private final EventInbox inbox;
    private final ChangeUpdatesFromEvents changes;

    public ProblemEventConsumer(EventInbox inbox, ChangeUpdatesFromEvents changes) {
        this.inbox = inbox;
        this.changes = changes;
    }

    @Incoming("problem-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.PROBLEM_CREATED, EventTypes.PROBLEM_UPDATED, EventTypes.PROBLEM_STATE_CHANGED,
                    EventTypes.PROBLEM_ROOT_CAUSE_IDENTIFIED, EventTypes.PROBLEM_RESOLVED ->
                changes.problemNamesFixChange(event.payload(ProblemEvent.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
