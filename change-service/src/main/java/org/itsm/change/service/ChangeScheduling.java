package org.itsm.change.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ScheduleConflicts.Conflict;
import org.itsm.change.domain.Window;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A change on the calendar: its conflicts, the first free window, a change manager's override of hard conflicts, and
 * the checks that keep two changes from taking the same slot (rules in {@code ScheduleConflicts}, applied to the
 * stored changes by {@link ChangeCalendar}).
 */
@ApplicationScoped
public class ChangeScheduling {

    private final ChangeLookup lookup;
    private final ChangeRepository changes;
    private final ChangeCalendar calendar;
    private final RecordHistory history;
    private final ChangeEventPublisher events;
    private final Clock clock;

    public ChangeScheduling(ChangeLookup lookup, ChangeRepository changes, ChangeCalendar calendar,
            RecordHistory history, ChangeEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.changes = changes;
        this.calendar = calendar;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Conflict>> conflicts(UUID id, Actor actor) {
        return lookup.get(id, actor).flatMap(calendar::conflicts);
    }

    @WithSession
    public Uni<Window> firstAvailableWindow(UUID id, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            if (change.window() == null) {
                throw ApiProblem.conflict("Change " + change.number + " has no planned window to move");
            }
            if (change.affectedServiceIds.isEmpty()) {
                return Uni.createFrom().item(change.window());
            }
            return calendar.firstAvailable(change, clock.instant());
        });
    }

    /** A change manager accepts the hard conflicts of the current window, with a reason kept in the history. */
    @WithTransaction
    public Uni<ChangeRequest> overrideConflicts(UUID id, String ifMatch, String reason, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ETags.requireCurrent(ifMatch, change.version);
            if (!ChangeLifecycle.conflictsMatter(change.state)) {
                throw ApiProblem.conflict("Conflicts matter only before implementation; " + change.number + " is "
                        + change.state);
            }
            FieldEdits edits = new FieldEdits();
            edits.set("conflictOverrideReason", reason, change.conflictOverrideReason,
                    value -> change.conflictOverrideReason = value);
            edits.set("conflictOverrideBy", actor.name(), change.conflictOverrideBy,
                    value -> change.conflictOverrideBy = value);
            change.updatedAt = clock.instant();
            List<FieldChange> changed = edits.changes();
            return history.record(change.id, actor.name(), changed)
                    .flatMap(ignored -> events.publishUpdate(change, changed))
                    .map(ignored -> change);
        });
    }

    /** Hard conflicts block unless a change manager recorded an override: 409 naming them. */
    Uni<Void> requireNoHardConflicts(ChangeRequest change) {
        if (change.conflictOverrideReason != null) {
            return Uni.createFrom().voidItem();
        }
        return calendar.conflicts(change).invoke(conflicts -> {
            List<String> hard = conflicts.stream().filter(Conflict::hard).map(Conflict::description).toList();
            if (!hard.isEmpty()) {
                throw ApiProblem.conflict("Hard schedule conflicts: " + String.join("; ", hard)
                        + ". Move the window (see first-available-window) or have a change manager record an"
                        + " override");
            }
        }).replaceWithVoid();
    }

    /** Serialises scheduling on the change's services and implementer (see {@link ChangeRepository#lockCalendar}). */
    Uni<Void> lockCalendar(ChangeRequest change) {
        List<String> keys = new ArrayList<>(change.affectedServiceIds.stream().map(id -> "service:" + id).toList());
        if (change.implementer != null) {
            keys.add("implementer:" + change.implementer);
        }
        return changes.lockCalendar(keys);
    }
}
