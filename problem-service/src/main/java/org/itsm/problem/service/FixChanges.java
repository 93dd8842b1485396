package org.itsm.problem.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.problem.domain.FixChangeOutcome;
import org.itsm.problem.domain.Move;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAction;
import org.itsm.problem.domain.ProblemLifecycle;
import org.itsm.problem.domain.ResolutionCode;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.reactive.Unis;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The fix through change: recording the change that carries the fix, and what its end means for the problem
 * (ProblemLifecycle#onFixChangeRecorded, #onFixChangeEnded, #fixChangeViolations).
 */
@ApplicationScoped
public class FixChanges {

    private final ProblemLookup lookup;
    private final ProblemRepository problems;
    private final RecordHistory history;
    private final ProblemEventPublisher events;
    private final ProblemMoves moves;
    private final Clock clock;
    private final ProblemLifecycle lifecycle = new ProblemLifecycle();

    public FixChanges(ProblemLookup lookup, ProblemRepository problems, RecordHistory history,
            ProblemEventPublisher events, ProblemMoves moves, Clock clock) {
        this.lookup = lookup;
        this.problems = problems;
        this.history = history;
        this.events = events;
        this.moves = moves;
        this.clock = clock;
    }

    /**
     * Records the change that carries the fix; a problem still in analysis moves to Fix in Progress, which needs
     * the root cause. The change's implemented event resolves the problem later.
     */
    @WithTransaction
    public Uni<Problem> record(UUID id, String ifMatch, String changeNumber, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            ProblemGuards.requireAllowed(problem, ProblemAction.RECORD_FIX_CHANGE);
            List<ProblemLifecycle.Violation> refused = lifecycle.fixChangeViolations(changeNumber,
                    problem.fixChangeNumber, problem.fixChangeOutcome);
            if (!refused.isEmpty()) {
                throw ProblemGuards.requirementsUnmet("record the fix change", refused);
            }
            FieldEdits recorded = new FieldEdits();
            recorded.record("fixChangeNumber", problem.fixChangeNumber, changeNumber);
            recorded.record("fixChangeOutcome", problem.fixChangeOutcome, null);
            if (recorded.isEmpty()) {
                return Uni.createFrom().item(problem);
            }
            problem.fixChangeNumber = changeNumber;
            problem.fixChangeOutcome = null;
            problem.updatedAt = clock.instant();
            Uni<Void> written = history.record(problem.id, actor.name(), recorded.changes());
            Optional<Move> next = lifecycle.onFixChangeRecorded(problem.state);
            if (next.isEmpty()) {
                return written.flatMap(ignored -> events.publishWithLinks(EventTypes.PROBLEM_UPDATED, problem))
                        .map(ignored -> problem);
            }
            ProblemGuards.requireMet(next.get(), null, ProblemLifecycle.Facts.of(problem, null, null));
            return written.flatMap(ignored -> moves.applyMove(problem, next.get(), null,
                    "Fix change " + changeNumber + " recorded", actor, started -> Uni.createFrom().voidItem()));
        });
    }

    /**
     * The fix change ended (implemented, failed or cancelled): the outcome is recorded on the problems it was to
     * fix, and ProblemLifecycle says what follows: an implemented change resolves a problem in Fix in Progress
     * (FIX_APPLIED); a failed or cancelled one sends it back to Root Cause Analysis, with the reason in its history,
     * since no fix is pending any more. Runs in the consumer's transaction.
     */
    public Uni<Void> ended(String changeNumber, FixChangeOutcome outcome) {
        return problems.findOpenByFixChange(changeNumber).flatMap(affected -> Unis.chain(affected, problem -> {
            String before = problem.fixChangeOutcome;
            problem.fixChangeOutcome = outcome.name();
            problem.updatedAt = clock.instant();
            FieldEdits ended = new FieldEdits();
            ended.record("fixChangeOutcome", before, problem.fixChangeOutcome);
            Uni<Void> recorded = history.record(problem.id, Actor.CHANGE_EVENTS.name(), ended.changes());
            Optional<Move> next = lifecycle.onFixChangeEnded(problem.state, outcome);
            if (next.isEmpty()) {
                // not being fixed (back in analysis): the outcome is recorded, the problem manager decides
                return recorded.flatMap(ignored -> events.publishWithLinks(EventTypes.PROBLEM_UPDATED, problem));
            }
            if (next.get() == Move.RESOLVE) {
                return recorded.flatMap(ignored -> moves.resolve(problem, ResolutionCode.FIX_APPLIED,
                        "Fix implemented by change " + changeNumber, null, Actor.CHANGE_EVENTS));
            }
            String reason = "Fix change " + changeNumber + " " + outcome.name().toLowerCase(Locale.ROOT)
                    + ": no fix is pending, back to root cause analysis";
            return recorded.flatMap(ignored -> moves.applyMove(problem, next.get(), null, reason,
                    Actor.CHANGE_EVENTS, moved -> Uni.createFrom().voidItem()));
        }));
    }
}
