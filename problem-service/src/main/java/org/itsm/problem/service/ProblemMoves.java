package org.itsm.problem.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.problem.domain.DuplicateRule;
import org.itsm.problem.domain.Move;
import org.itsm.problem.domain.Problem;
import org.itsm.problem.domain.ProblemAccess;
import org.itsm.problem.domain.ProblemLifecycle;
import org.itsm.problem.domain.ProblemState;
import org.itsm.problem.domain.ResolutionCode;
import org.itsm.problem.messaging.ProblemEventPublisher;
import org.itsm.problem.repository.ProblemRepository;
import org.itsm.problem.service.ProblemCommands.Resolution;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The lifecycle moves (assess, analyse, start-fix, reanalyse, resolve, close, cancel) and what the caller may do
 * now. ProblemLifecycle says which moves the state admits and what each requires (an illegal move is the shared
 * {@code IllegalMoveException}, answered as 409 naming the allowed moves); who may make them is ProblemAccess.
 */
@ApplicationScoped
public class ProblemMoves {

    private final ProblemLookup lookup;
    private final ProblemRepository problems;
    private final RecordHistory history;
    private final ProblemEventPublisher events;
    private final Clock clock;
    private final ProblemLifecycle lifecycle = new ProblemLifecycle();
    private final ProblemAccess access = new ProblemAccess();
    private final DuplicateRule duplicates = new DuplicateRule();

    public ProblemMoves(ProblemLookup lookup, ProblemRepository problems, RecordHistory history,
            ProblemEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.problems = problems;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** A move the caller may make now, with the fields it still needs (per resolution code for resolve). */
    public record MoveOption(ProblemLifecycle.AllowedMove move, List<String> requiredFields,
            Map<ResolutionCode, List<String>> requiredFieldsByCode) {
    }

    /** What the caller may do to the problem now: the moves, and every action's name (moves first). */
    public record Options(List<MoveOption> moves, List<String> allowedActions) {
    }

    /**
     * The moves and actions the problem's state admits (ProblemLifecycle) that the caller may take (ProblemAccess,
     * the rule the endpoints' roles are checked against), each move with what it still needs.
     */
    public Options options(Problem problem, ProblemAccess.Caller caller) {
        List<ProblemLifecycle.AllowedMove> moves = access.movesFor(caller, lifecycle.allowedMoves(problem.state));
        ProblemLifecycle.Facts facts = ProblemLifecycle.Facts.of(problem, null, null);
        return new Options(moves.stream().map(move -> new MoveOption(move, lifecycle.requiredFields(move.move(), facts),
                move.move() == Move.RESOLVE ? lifecycle.requiredFieldsByCode(problem.state, facts) : Map.of()))
                .toList(),
                access.actionsFor(caller, problem.state));
    }

    @WithTransaction
    public Uni<Problem> assess(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.ASSESS, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> analyse(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.ANALYSE, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> startFix(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.START_FIX, null, actor, problem -> {
            ProblemGuards.requireMet(Move.START_FIX, null, ProblemLifecycle.Facts.of(problem, null, null));
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Problem> reanalyse(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.REANALYSE, null, actor, problem -> Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Problem> resolve(UUID id, String ifMatch, Resolution resolution, Actor actor) {
        return lookup.get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            ProblemGuards.requireMet(Move.RESOLVE, resolution.code(),
                    ProblemLifecycle.Facts.of(problem, resolution.notes(), resolution.duplicateOf()));
            boolean duplicate = resolution.code() == ResolutionCode.DUPLICATE;
            Uni<Void> duplicateCheck = duplicate ? requireOriginal(problem, resolution.duplicateOf())
                    : Uni.createFrom().voidItem();
            return duplicateCheck.flatMap(ignored -> resolve(problem, resolution.code(), resolution.notes(),
                    duplicate ? resolution.duplicateOf() : null, actor));
        });
    }

    /** Resolves the problem (in the caller's transaction): the move, how it ended, when. */
    Uni<Problem> resolve(Problem problem, ResolutionCode code, String notes, String duplicateOf, Actor actor) {
        return applyMove(problem, Move.RESOLVE, code, null, actor, resolved -> {
            resolved.resolutionCode = code;
            resolved.resolutionNotes = notes;
            resolved.duplicateOf = duplicateOf;
            resolved.resolvedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    /** The problem named as the original of a duplicate must stand (DuplicateRule). */
    private Uni<Void> requireOriginal(Problem problem, String number) {
        Uni<DuplicateRule.Original> original = number.equals(problem.number) ? Uni.createFrom().nullItem()
                : problems.findByNumber(number).map(found -> found == null ? null
                        : new DuplicateRule.Original(found.state, found.duplicateOf));
        return original.invoke(found -> duplicates.judge(problem.number, number, found).ifPresent(refusal -> {
            throw refusal.badReference() ? ApiProblem.invalidField("duplicateOf", refusal.message())
                    : ProblemGuards.unprocessableField("duplicateOf", refusal.message());
        })).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Problem> close(UUID id, String ifMatch, Actor actor) {
        return move(id, ifMatch, Move.CLOSE, null, actor, problem -> {
            problem.closedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Problem> cancel(UUID id, String ifMatch, String reason, Actor actor) {
        return move(id, ifMatch, Move.CANCEL, reason, actor, problem -> {
            ProblemGuards.requireMet(Move.CANCEL, null, new ProblemLifecycle.Facts(problem.rootCause,
                    problem.fixChangeNumber, problem.fixChangeOutcome, null, null, reason));
            problem.resolutionCode = ResolutionCode.CANCELLED;
            problem.resolutionNotes = reason;
            problem.closedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Problem> move(UUID id, String ifMatch, Move move, String reason, Actor actor,
            Function<Problem, Uni<Void>> effect) {
        return lookup.get(id).flatMap(problem -> {
            ETags.requireCurrent(ifMatch, problem.version);
            return applyMove(problem, move, null, reason, actor, effect);
        });
    }

    /**
     * Applies a lifecycle move with its effect, history (the state, why it moved, how it ended) and event, in the
     * caller's transaction; the lifecycle's IllegalMoveException (409 naming the allowed moves) when illegal.
     */
    Uni<Problem> applyMove(Problem problem, Move move, ResolutionCode code, String reason, Actor actor,
            Function<Problem, Uni<Void>> effect) {
        ProblemState from = problem.state;
        ProblemState target = lifecycle.apply(from, move, code);
        ResolutionCode codeBefore = problem.resolutionCode;
        String notesBefore = problem.resolutionNotes;
        String duplicateBefore = problem.duplicateOf;
        return effect.apply(problem).flatMap(ignored -> {
            problem.state = target;
            problem.updatedAt = clock.instant();
            FieldEdits moved = new FieldEdits();
            moved.record("state", from, target);
            if (reason != null) {
                moved.record("stateReason", null, reason);
            }
            moved.record("resolutionCode", codeBefore, problem.resolutionCode);
            moved.record("resolutionNotes", notesBefore, problem.resolutionNotes);
            moved.record("duplicateOf", duplicateBefore, problem.duplicateOf);
            return history.record(problem.id, actor.name(), moved.changes())
                    .flatMap(recorded -> events.publishWithLinks(eventTypeOf(target), problem))
                    .map(published -> problem);
        });
    }

    private static String eventTypeOf(ProblemState target) {
        return switch (target) {
            case RESOLVED -> EventTypes.PROBLEM_RESOLVED;
            case CLOSED -> EventTypes.PROBLEM_CLOSED;
            default -> EventTypes.PROBLEM_STATE_CHANGED;
        };
    }
}
