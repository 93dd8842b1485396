package org.itsm.problem.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.problem.domain.FixChangeOutcome;
import org.itsm.problem.service.FixChanges;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/**
 * The fix through change: how a recorded fix change ended (implemented, failed, cancelled) goes to the problem
 * use case (FixChanges), which applies ProblemLifecycle's rule.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "problem-service.change";

    private final EventInbox inbox;
    private final FixChanges fixChanges;

    public ChangeEventConsumer(EventInbox inbox, FixChanges fixChanges) {
        this.inbox = inbox;
        this.fixChanges = fixChanges;
    }

    @Incoming("change-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.CHANGE_IMPLEMENTED -> fixChanges.ended(changeNumber(event), FixChangeOutcome.IMPLEMENTED);
            case EventTypes.CHANGE_FAILED -> fixChanges.ended(changeNumber(event), FixChangeOutcome.FAILED);
            case EventTypes.CHANGE_CANCELLED -> fixChanges.ended(changeNumber(event), FixChangeOutcome.CANCELLED);
            default -> Uni.createFrom().voidItem();
        };
    }

    private static String changeNumber(IncomingEvent event) {
        ChangeEvent change = event.payload(ChangeEvent.class);
        if (change.number() == null || change.number().isBlank()) {
            throw new UnprocessableEventException("Change event " + event.id() + " has no change number");
        }
        return change.number();
    }
}
