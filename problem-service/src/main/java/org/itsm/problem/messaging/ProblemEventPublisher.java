package org.itsm.problem.messaging;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.problem.KnownErrorEvent;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.problem.domain.KnownError;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.repository.KnownErrorRepository;
import org.itsm.problem.repository.ProblemLinkRepository;
import org.itsm.support.outbox.OutboxWriter;

import io.smallrye.mutiny.Uni;

/** Turns problem changes into contract events in the outbox (same transaction as the change). */
@ApplicationScoped
public class ProblemEventPublisher {

    private final OutboxWriter outbox;
    private final KnownErrorRepository knownErrors;
    private final ProblemLinkRepository links;
    private final Clock clock;

    public ProblemEventPublisher(OutboxWriter outbox, KnownErrorRepository knownErrors, ProblemLinkRepository links,
            Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.knownErrors = knownErrors;
        this.links = links;
    }

    /** A lifecycle moment of {@code problem}, naming the incidents linked to it now. */
    public Uni<Void> publishWithLinks(String type, Problem problem) {
        return links.numbersOf(problem.id).flatMap(linked -> publish(type, problem, linked));
    }

    /** Incidents just linked or unlinked ({@code affected}), with every incident linked now. */
    public Uni<Void> publishLinkChange(String type, Problem problem, List<String> affected) {
        return links.numbersOf(problem.id).flatMap(linked -> publish(type, problem, linked, affected));
    }

    /** The known error, addressed to the incidents linked now. */
    public Uni<Void> publishKnownError(Problem problem, KnownError knownError) {
        return links.numbersOf(problem.id).flatMap(linked -> publishKnownError(problem, knownError, linked));
    }

    /** A lifecycle moment of {@code problem}, with all its linked incidents. */
    public Uni<Void> publish(String type, Problem problem, List<String> linkedIncidents) {
        return publish(type, problem, linkedIncidents, null);
    }

    /**
     * A moment about particular incidents: those just linked or unlinked. Every problem event carries the workaround
     * of the problem's published known error (null while none is published), so an incident linked after the
     * publication gets it too.
     */
    public Uni<Void> publish(String type, Problem problem, List<String> linkedIncidents,
            List<String> affectedIncidents) {
        Uni<String> workaround = problem.knownErrorPublishedAt == null ? Uni.createFrom().nullItem()
                : knownErrors.findByProblem(problem.id).map(knownError -> knownError == null ? null
                        : knownError.workaround);
        return workaround.flatMap(published -> outbox.append(type, problem.id, problem.number,
                new ProblemEvent(problem.id, problem.number, problem.state.name(), problem.serviceId,
                        problem.category, linkedIncidents, problem.fixChangeNumber,
                        problem.resolutionCode == null ? null : problem.resolutionCode.name(), clock.instant(),
                        affectedIncidents, published)));
    }

    /** The known error, addressed to the linked incidents so the desk gets the workaround. */
    public Uni<Void> publishKnownError(Problem problem, KnownError knownError, List<String> linkedIncidents) {
        KnownErrorEvent event = new KnownErrorEvent(problem.id, problem.number, knownError.serviceId,
                knownError.symptom, knownError.rootCause, knownError.workaround, linkedIncidents, clock.instant());
        return outbox.append(EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED, problem.id, problem.number, event);
    }
}
