package org.itsm.change.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.events.EventTypes;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;

import io.smallrye.mutiny.Uni;

/**
 * A problem that names its fix change: the change keeps the problem's number (for the fix's traceability, and so the
 * problem's incidents can be followed from the change).
 */
@ApplicationScoped
public class ProblemEventConsumer {

    static final String CONSUMER = "change-service.problem";
    private static final String ACTOR = "problem-service";

    private final EventInbox inbox;
    private final ChangeRepository changes;
    private final RecordHistory history;
    private final ChangeEventPublisher events;

    public ProblemEventConsumer(EventInbox inbox, ChangeRepository changes, RecordHistory history,
            ChangeEventPublisher events) {
        this.inbox = inbox;
        this.changes = changes;
        this.history = history;
        this.events = events;
    }

    @Incoming("problem-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.PROBLEM_CREATED, EventTypes.PROBLEM_UPDATED, EventTypes.PROBLEM_STATE_CHANGED,
                    EventTypes.PROBLEM_ROOT_CAUSE_IDENTIFIED, EventTypes.PROBLEM_RESOLVED ->
                linkFixChange(event.payload(ProblemEvent.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> linkFixChange(ProblemEvent problem) {
        if (problem.fixChangeNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        return changes.find("number", problem.fixChangeNumber()).firstResult().flatMap(change -> {
            // a change of another installation, or one that already names this problem
            if (change == null || problem.number().equals(change.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            String before = change.problemNumber;
            change.problemNumber = problem.number();
            change.updatedAt = Instant.now();
            List<FieldChange> edits = List.of(FieldChange.of("problemNumber", before, problem.number()));
            return history.record(change.id, ACTOR, edits).flatMap(ignored -> events.publishUpdate(change, edits));
        });
    }
}
