package org.itsm.problem.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.change.ChangeEvent;
import org.itsm.problem.domain.FixChangeOutcome;
import org.itsm.problem.service.ProblemService;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import io.smallrye.mutiny.Uni;

/**
 * The fix through change: how a recorded fix change ended (implemented, failed, cancelled) goes to the problem
 * service, which applies ProblemLifecycle's rule.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    static final String CONSUMER = "problem-service.change";

    private final EventInbox inbox;
    private final ProblemService problems;

    public ChangeEventConsumer(EventInbox inbox, ProblemService problems) {
        this.inbox = inbox;
        this.problems = problems;
    }

    @Incoming("change-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.CHANGE_IMPLEMENTED -> problems.fixChangeEnded(changeNumber(event),
                    FixChangeOutcome.IMPLEMENTED);
            case EventTypes.CHANGE_FAILED -> problems.fixChangeEnded(changeNumber(event), FixChangeOutcome.FAILED);
            case EventTypes.CHANGE_CANCELLED -> problems.fixChangeEnded(changeNumber(event),
                    FixChangeOutcome.CANCELLED);
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
