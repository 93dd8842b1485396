package org.itsm.problem.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.problem.domain.KnownError;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.KnownErrorRepository;
import org.itsm.problem.service.ProblemCommands.KnownErrorDraft;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A problem's known error: published (or republished) while the problem is open, its workaround sent to the linked
 * incidents through the event; the problem keeps the root cause and workaround published.
 */
@ApplicationScoped
public class KnownErrors {

    private final ProblemLookup lookup;
    private final KnownErrorRepository knownErrors;
    private final RecordHistory history;
    private final ProblemEventPublisher events;
    private final Clock clock;

    public KnownErrors(ProblemLookup lookup, KnownErrorRepository knownErrors, RecordHistory history,
            ProblemEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.knownErrors = knownErrors;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** Result of a publish: the known error and the problem it belongs to. */
    public record Published(KnownError knownError, Problem problem) {
    }

    /**
     * Publishes (or republishes) the problem's known error; the workaround goes to the linked open incidents
     * through the event. The problem keeps the root cause and workaround published.
     */
    @WithTransaction
    public Uni<Published> publish(UUID id, String ifMatch, KnownErrorDraft draft, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            ProblemGuards.requireAllowed(problem, ProblemAction.PUBLISH_KNOWN_ERROR);
            return knownErrors.findByProblem(problem.id).flatMap(existing -> {
                Instant now = clock.instant();
                KnownError knownError = existing != null ? existing : new KnownError();
                boolean first = existing == null;
                KnownErrorRecord before = first ? null : KnownErrorRecord.of(knownError);
                if (first) {
                    knownError.id = UUID.randomUUID();
                    knownError.problemId = problem.id;
                }
                knownError.symptom = draft.symptom();
                knownError.rootCause = draft.rootCause() != null ? draft.rootCause() : problem.rootCause;
                knownError.workaround = draft.workaround();
                knownError.serviceId = draft.serviceId() != null ? draft.serviceId() : problem.serviceId;
                knownError.publishedBy = actor.name();
                knownError.publishedAt = first ? now : knownError.publishedAt;
                knownError.updatedAt = now;
                FieldEdits published = new FieldEdits();
                published.record("knownError", before, KnownErrorRecord.of(knownError));
                published.record("rootCause", problem.rootCause, knownError.rootCause);
                published.record("workaround", problem.workaround, knownError.workaround);
                if (problem.rootCause == null && knownError.rootCause != null) {
                    problem.rootCauseIdentifiedAt = now;
                }
                problem.rootCause = knownError.rootCause;
                problem.workaround = knownError.workaround;
                problem.knownErrorPublishedAt = now;
                problem.updatedAt = now;
                return (first ? knownErrors.persist(knownError) : Uni.createFrom().item(knownError))
                        .flatMap(saved -> history.record(problem.id, actor.name(), published.changes()))
                        .flatMap(recorded -> events.publishKnownError(problem, knownError))
                        .map(ignored -> new Published(knownError, problem));
            });
        });
    }

    /** The known error as the history shows it (published and republished, with what changed). */
    record KnownErrorRecord(String symptom, String rootCause, String workaround, UUID serviceId) {

        static KnownErrorRecord of(KnownError knownError) {
            return new KnownErrorRecord(knownError.symptom, knownError.rootCause, knownError.workaround,
                    knownError.serviceId);
        }
    }

    /** The problem's known error; 404 when none was published. */
    @WithSession
    public Uni<KnownError> of(UUID id) {
        return lookup.get(id).flatMap(problem -> knownErrors.findByProblem(problem.id)).invoke(found -> {
            if (found == null) {
                throw ApiProblem.notFound("Known error of problem", id);
            }
        });
    }
}
