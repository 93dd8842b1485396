package org.itsm.change.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.CatalogUpdateStatus;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.events.catalog.CatalogChangeUpdateEvent;
import org.itsm.events.problem.ProblemEvent;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;

import io.smallrye.mutiny.Uni;

/**
 * What other services tell a change, through their events: the catalog's answer to its catalog update, and the
 * problem it fixes. Each runs in the inbox's transaction (the consumer only translates); changes this installation
 * does not know are ignored.
 */
@ApplicationScoped
public class ChangeUpdatesFromEvents {

    static final String CATALOG_ACTOR = "catalog-service";
    static final String PROBLEM_ACTOR = "problem-service";

    private final ChangeRepository changes;
    private final RecordHistory history;
    private final ChangeEventPublisher events;
    private final Clock clock;

    public ChangeUpdatesFromEvents(ChangeRepository changes, RecordHistory history, ChangeEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The catalog's answer to an implemented change's catalog update for one service: applied, or rejected with the
     * reason (reasons of several services add up; a rejection stays, {@link CatalogUpdateStatus#after}).
     */
    public Uni<Void> catalogUpdateAnswered(CatalogChangeUpdateEvent answer, boolean applied) {
        if (answer.changeId() == null) {
            return Uni.createFrom().voidItem();
        }
        return changes.findById(answer.changeId()).flatMap(change -> {
            if (change == null) {
                return Uni.createFrom().voidItem();
            }
            CatalogUpdateStatus before = change.catalogUpdateStatus;
            CatalogUpdateStatus after = (before == null ? CatalogUpdateStatus.PENDING : before).after(applied);
            String service = answer.serviceNumber() != null ? answer.serviceNumber() : String.valueOf(answer.serviceId());
            String reason = applied ? change.catalogUpdateReason
                    : (change.catalogUpdateReason == null ? "" : change.catalogUpdateReason + "\n") + service + ": "
                            + (answer.reason() == null ? "rejected by the catalog" : answer.reason());
            FieldEdits edits = new FieldEdits();
            edits.set("catalogUpdateStatus", after, before, value -> change.catalogUpdateStatus = value);
            edits.set("catalogUpdateReason", reason, change.catalogUpdateReason,
                    value -> change.catalogUpdateReason = value);
            change.updatedAt = clock.instant();
            return record(CATALOG_ACTOR, edits.changes(), change);
        });
    }

    /**
     * A problem names its fix change: the change keeps the problem's number (for the fix's traceability, and so the
     * problem's incidents can be followed from the change).
     */
    public Uni<Void> problemNamesFixChange(ProblemEvent problem) {
        if (problem.fixChangeNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        return changes.find("number", problem.fixChangeNumber()).firstResult().flatMap(change -> {
            // a change of another installation, or one that already names this problem
            if (change == null || problem.number().equals(change.problemNumber)) {
                return Uni.createFrom().voidItem();
            }
            FieldEdits edits = new FieldEdits();
            edits.set("problemNumber", problem.number(), change.problemNumber, value -> change.problemNumber = value);
            change.updatedAt = clock.instant();
            return record(PROBLEM_ACTOR, edits.changes(), change);
        });
    }

    private Uni<Void> record(String actor, List<FieldChange> edits, ChangeRequest change) {
        return history.record(change.id, actor, edits).flatMap(ignored -> events.publishUpdate(change, edits));
    }
}
