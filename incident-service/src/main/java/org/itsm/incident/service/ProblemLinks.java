package org.itsm.incident.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;

import io.smallrye.mutiny.Uni;

/**
 * Problem management's effects on the linked open incidents (asked by the problem-event consumer, inside its inbox
 * transaction): the problem number they point at, a published known error's workaround with a work note, a note
 * when the problem is resolved. Each change is recorded as {@link #PROBLEM_SERVICE} and evented as an update.
 */
@ApplicationScoped
public class ProblemLinks {

    /** Who the problem-management effects are recorded as. */
    static final String PROBLEM_SERVICE = "problem-service";

    private final IncidentRepository incidents;
    private final IncidentComments comments;
    private final RecordHistory history;
    private final IncidentEventPublisher events;
    private final Clock clock;

    public ProblemLinks(IncidentRepository incidents, IncidentComments comments, RecordHistory history,
            IncidentEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.comments = comments;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A published known error: its workaround goes onto the linked open incidents (with a work note, a history entry
     * and an updated event), and they point at the problem.
     */
    public Uni<Void> attachWorkaround(List<String> incidentNumbers, String problemNumber, String workaround) {
        return openLinked(incidentNumbers).flatMap(open -> Unis.chain(open,
                incident -> putWorkaround(incident, problemNumber, workaround)));
    }

    /**
     * Incidents linked to a problem point at it; when the problem's known error is already published
     * ({@code knownErrorWorkaround} non-null), its workaround is attached as when the known error is published.
     */
    public Uni<Void> linkProblem(String problemNumber, List<String> incidentNumbers, String knownErrorWorkaround) {
        return openLinked(incidentNumbers).flatMap(open -> Unis.chain(open, incident -> {
            if (knownErrorWorkaround != null && !knownErrorWorkaround.equals(incident.workaround)) {
                return putWorkaround(incident, problemNumber, knownErrorWorkaround);
            }
            return pointAt(incident, problemNumber);
        }));
    }

    /** The problem manager took these incidents off the problem: they no longer point at it. */
    public Uni<Void> unlinkProblem(String problemNumber, List<String> incidentNumbers) {
        return openLinked(incidentNumbers).flatMap(open -> Unis.chain(open,
                incident -> problemNumber.equals(incident.problemNumber) ? pointAt(incident, null)
                        : Uni.createFrom().voidItem()));
    }

    /** A resolved problem is noted on its linked open incidents. */
    public Uni<Void> noteProblemResolved(String problemNumber, String resolutionCode, List<String> incidentNumbers) {
        return openLinked(incidentNumbers).flatMap(open -> Unis.chain(open, incident -> comments.add(incident,
                PROBLEM_SERVICE, "Problem " + problemNumber + " resolved (" + resolutionCode
                        + "): the underlying cause is fixed", true)));
    }

    private Uni<Void> putWorkaround(Incident incident, String problemNumber, String workaround) {
        FieldEdits edits = new FieldEdits();
        edits.record("workaround", incident.workaround, workaround);
        edits.record("problemNumber", incident.problemNumber, problemNumber);
        incident.workaround = workaround;
        incident.problemNumber = problemNumber;
        incident.updatedAt = clock.instant();
        return comments.add(incident, PROBLEM_SERVICE, "Known error " + problemNumber + " published. Workaround: "
                + workaround, true)
                .flatMap(ignored -> recordUpdate(incident, edits.changes()));
    }

    /** Points the incident at the problem (null: at none); nothing happens when it already does. */
    private Uni<Void> pointAt(Incident incident, String problemNumber) {
        FieldEdits edits = new FieldEdits();
        edits.record("problemNumber", incident.problemNumber, problemNumber);
        if (edits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        incident.problemNumber = problemNumber;
        incident.updatedAt = clock.instant();
        return recordUpdate(incident, edits.changes());
    }

    private Uni<Void> recordUpdate(Incident incident, List<FieldChange> changes) {
        return history.record(incident.id, PROBLEM_SERVICE, changes)
                .flatMap(ignored -> events.publish(EventTypes.INCIDENT_UPDATED, incident,
                        changes.stream().map(FieldChange::field).toList()));
    }

    private Uni<List<Incident>> openLinked(List<String> numbers) {
        return numbers == null || numbers.isEmpty() ? Uni.createFrom().item(List.of())
                : incidents.findOpenByNumbers(numbers);
    }
}
