package org.itsm.incident.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.events.EventTypes;
import org.itsm.events.problem.KnownErrorEvent;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.incident.repository.IncidentCommentRepository;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;

import io.smallrye.mutiny.Uni;

/**
 * Problem management's news for the desk: a published known error puts its workaround on the linked open
 * incidents (with a work note); a link records the problem number; a resolved problem is noted on them.
 */
@ApplicationScoped
public class ProblemEventConsumer {

    static final String CONSUMER = "incident-service.problem";
    private static final String ACTOR = "problem-service";

    private final EventInbox inbox;
    private final IncidentRepository incidents;
    private final IncidentCommentRepository comments;
    private final RecordHistory history;
    private final IncidentEventPublisher events;

    public ProblemEventConsumer(EventInbox inbox, IncidentRepository incidents, IncidentCommentRepository comments,
            RecordHistory history, IncidentEventPublisher events) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.comments = comments;
        this.history = history;
        this.events = events;
    }

    @Incoming("problem-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.processOnce(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED -> attachWorkaround(event.payload(KnownErrorEvent.class));
            case EventTypes.PROBLEM_INCIDENT_LINKED -> linkProblem(event.payload(ProblemEvent.class));
            case EventTypes.PROBLEM_INCIDENT_UNLINKED -> unlinkProblem(event.payload(ProblemEvent.class));
            case EventTypes.PROBLEM_RESOLVED -> noteResolution(event.payload(ProblemEvent.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> attachWorkaround(KnownErrorEvent knownError) {
        return openLinked(knownError.linkedIncidentNumbers()).flatMap(open -> chain(open, incident -> {
            String before = incident.workaround;
            incident.workaround = knownError.workaround();
            incident.problemNumber = knownError.problemNumber();
            incident.updatedAt = Instant.now();
            return workNote(incident, "Known error " + knownError.problemNumber() + " published. Workaround: "
                    + knownError.workaround())
                    .flatMap(ignored -> history.record(incident.id, ACTOR,
                            List.of(FieldChange.of("workaround", before, incident.workaround))))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, List.of("workaround")));
        }));
    }

    /** The problem manager took these incidents off the problem: they no longer point at it. */
    private Uni<Void> unlinkProblem(ProblemEvent problem) {
        List<String> unlinked = problem.affectedIncidentNumbers() == null ? List.of() : problem.affectedIncidentNumbers();
        return openLinked(unlinked).flatMap(open -> chain(open, incident -> {
            if (!problem.number().equals(incident.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            incident.problemNumber = null;
            incident.updatedAt = Instant.now();
            return history.record(incident.id, ACTOR, List.of(FieldChange.of("problemNumber", problem.number(), null)))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, List.of("problemNumber")));
        }));
    }

    private Uni<Void> linkProblem(ProblemEvent problem) {
        return openLinked(problem.linkedIncidentNumbers()).flatMap(open -> chain(open, incident -> {
            if (problem.number().equals(incident.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            String before = incident.problemNumber;
            incident.problemNumber = problem.number();
            incident.updatedAt = Instant.now();
            return history.record(incident.id, ACTOR, List.of(FieldChange.of("problemNumber", before, problem.number())))
                    .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident, List.of("problemNumber")));
        }));
    }

    private Uni<Void> noteResolution(ProblemEvent problem) {
        return openLinked(problem.linkedIncidentNumbers()).flatMap(open -> chain(open,
                incident -> workNote(incident, "Problem " + problem.number() + " resolved ("
                        + problem.resolutionCode() + "): the underlying cause is fixed").replaceWithVoid()));
    }

    private Uni<List<Incident>> openLinked(List<String> numbers) {
        return numbers == null || numbers.isEmpty() ? Uni.createFrom().item(List.of())
                : incidents.findOpenByNumbers(numbers);
    }

    private Uni<IncidentComment> workNote(Incident incident, String body) {
        IncidentComment note = new IncidentComment();
        note.id = java.util.UUID.randomUUID();
        note.incidentId = incident.id;
        note.author = ACTOR;
        note.body = body;
        note.internal = true;
        note.createdAt = Instant.now();
        return comments.persist(note);
    }

    private static Uni<Void> chain(List<Incident> items, java.util.function.Function<Incident, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Incident item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
