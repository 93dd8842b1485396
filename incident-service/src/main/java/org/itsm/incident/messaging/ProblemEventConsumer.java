package org.itsm.incident.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.problem.KnownErrorEvent;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.incident.service.ProblemLinks;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/**
 * Problem management's news for the desk, translated into incident use cases: a published known error puts its
 * workaround on the linked open incidents; a link records the problem number (and attaches the workaround when the
 * known error is already published); an unlink removes it; a resolved problem is noted on them.
 */
@ApplicationScoped
public class ProblemEventConsumer {

    static final String CONSUMER = "incident-service.problem";

    private final EventInbox inbox;
    private final ProblemLinks problemLinks;

    public ProblemEventConsumer(EventInbox inbox, ProblemLinks problemLinks) {
        this.inbox = inbox;
        this.problemLinks = problemLinks;
    }

    @Incoming("problem-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED -> {
                KnownErrorEvent knownError = event.payload(KnownErrorEvent.class);
                yield problemLinks.attachWorkaround(knownError.linkedIncidentNumbers(), knownError.problemNumber(),
                        knownError.workaround());
            }
            case EventTypes.PROBLEM_INCIDENT_LINKED -> {
                ProblemEvent problem = event.payload(ProblemEvent.class);
                yield problemLinks.linkProblem(problem.number(), problem.linkedIncidentNumbers(),
                        problem.knownErrorWorkaround());
            }
            case EventTypes.PROBLEM_INCIDENT_UNLINKED -> {
                ProblemEvent problem = event.payload(ProblemEvent.class);
                yield problemLinks.unlinkProblem(problem.number(), orEmpty(problem.affectedIncidentNumbers()));
            }
            case EventTypes.PROBLEM_RESOLVED -> {
                ProblemEvent problem = event.payload(ProblemEvent.class);
                yield problemLinks.noteProblemResolved(problem.number(), problem.resolutionCode(),
                        problem.linkedIncidentNumbers());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private static List<String> orEmpty(List<String> numbers) {
        return numbers == null ? List.of() : numbers;
    }
}
