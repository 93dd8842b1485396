package org.itsm.change.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ApprovalStatus;
import org.itsm.change.domain.ChangeAccess;
import org.itsm.change.domain.ChangeLifecycle;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.WindowRules;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.service.ChangeCommands.ChangeEdit;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.ProblemDetail;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Editing a change ({@code PATCH}): who may edit what is {@link ChangeAccess}, what the state still allows is
 * {@link ChangeLifecycle} (plan frozen after Assess but for the window, type only while New); moving the window of an
 * authorised or scheduled change re-plans it ({@link ChangeLifecycle#replan}).
 */
@ApplicationScoped
public class ChangeEditing {

    private final ChangeLookup lookup;
    private final ChangeValidation validation;
    private final ChangeApprovals approvals;
    private final RecordHistory history;
    private final ChangeEventPublisher events;
    private final ChangeLifecycle lifecycle = new ChangeLifecycle();
    private final Clock clock;

    public ChangeEditing(ChangeLookup lookup, ChangeValidation validation, ChangeApprovals approvals,
            RecordHistory history, ChangeEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.validation = validation;
        this.approvals = approvals;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ChangeRequest> update(UUID id, String ifMatch, ChangeEdit command, Actor actor) {
        return lookup.get(id, actor).flatMap(change -> {
            ETags.requireCurrent(ifMatch, change.version);
            return lookup.approvers(change).flatMap(approvers -> edit(change, command, actor, approvers));
        });
    }

    private Uni<ChangeRequest> edit(ChangeRequest change, ChangeEdit command, Actor actor, Set<String> approvers) {
        requireMayEdit(change, command, actor, approvers);
        Set<UUID> servicesBefore = Set.copyOf(change.affectedServiceIds);
        Instant startBefore = change.plannedStart;
        Instant endBefore = change.plannedEnd;
        boolean movesWindow = command.plannedStart() != null && !command.plannedStart().equals(startBefore)
                || command.plannedEnd() != null && !command.plannedEnd().equals(endBefore);
        FieldEdits edits = apply(change, command);
        if (movesWindow) {
            WindowRules.planRefusal(change.window(), clock.instant()).ifPresent(refusal -> {
                throw ApiProblem.unprocessableFields(List.of(new ProblemDetail.FieldError("plannedStart", refusal)));
            });
        }
        boolean windowChanged = !Objects.equals(startBefore, change.plannedStart)
                || !Objects.equals(endBefore, change.plannedEnd);
        boolean calendarChanged = windowChanged || !servicesBefore.equals(Set.copyOf(change.affectedServiceIds));
        if (calendarChanged && change.conflictOverrideReason != null) {
            // an override was given for the conflicts of the old window, not the new one
            edits.record("conflictOverrideReason", change.conflictOverrideReason, null);
            change.conflictOverrideReason = null;
            change.conflictOverrideBy = null;
        }
        boolean replans = ChangeLifecycle.isReplanning(change.state) && windowChanged;
        if (edits.isEmpty()) {
            return Uni.createFrom().item(change);
        }
        change.updatedAt = clock.instant();
        return validation.validate(change, command.touchesCatalogUpdate())
                .flatMap(ignored -> change.type == ChangeType.STANDARD && change.state == ChangeState.NEW
                        ? validation.applyTemplate(change) : Uni.createFrom().voidItem())
                .flatMap(ignored -> replans ? replan(change, edits) : Uni.createFrom().voidItem())
                .flatMap(ignored -> {
                    List<FieldChange> changed = edits.changes();
                    return history.record(change.id, actor.name(), changed)
                            .flatMap(recorded -> events.publishUpdate(change, changed));
                })
                .map(ignored -> change);
    }

    /** The access rules (403) and the state's rules (409), in the order a caller meets them. */
    private static void requireMayEdit(ChangeRequest change, ChangeEdit command, Actor actor, Set<String> approvers) {
        ChangeAccess.Facts facts = ChangeLookup.facts(change, approvers);
        ChangeAccess.refusal(ChangeAccess.Action.EDIT, actor.who(), facts).ifPresent(refusal -> {
            throw ApiProblem.forbidden(refusal);
        });
        ChangeLifecycle.editRefusal(change.number, change.state).ifPresent(refusal -> {
            throw ApiProblem.conflict(refusal);
        });
        if (command.assignsPeople()) {
            ChangeAccess.assignmentRefusal(actor.who()).ifPresent(refusal -> {
                throw ApiProblem.forbidden(refusal);
            });
        }
        if (command.implementer() != null && !command.implementer().equals(change.implementer)) {
            ChangeAccess.implementerRefusal(command.implementer(), facts).ifPresent(refusal -> {
                throw ApiProblem.forbidden(refusal);
            });
        }
        if (command.editsPlan()) {
            ChangeLifecycle.planEditRefusal(change.number, change.state, command.editsPlanBesidesWindow())
                    .ifPresent(refusal -> {
                        throw ApiProblem.conflict(refusal);
                    });
            ChangeAccess.planEditRefusal(actor.who(), change.state).ifPresent(refusal -> {
                throw ApiProblem.forbidden(refusal);
            });
        }
        if (command.type() != null && command.type() != change.type) {
            ChangeLifecycle.typeChangeRefusal(change.number, change.state).ifPresent(refusal -> {
                throw ApiProblem.conflict(refusal);
            });
        }
    }

    /** Applies every field the command carries, recording each move. */
    private FieldEdits apply(ChangeRequest change, ChangeEdit command) {
        FieldEdits edits = new FieldEdits();
        edits.set("type", command.type(), change.type, value -> change.type = value);
        edits.set("title", command.title() == null ? null : command.title().strip(), change.title,
                value -> change.title = value);
        edits.set("description", command.description(), change.description, value -> change.description = value);
        edits.set("justification", command.justification(), change.justification,
                value -> change.justification = value);
        edits.set("affectedServiceIds", command.affectedServiceIds() == null ? null
                : ChangeRegistration.distinct(command.affectedServiceIds()), change.affectedServiceIds,
                value -> change.affectedServiceIds = value);
        edits.set("affectedOfferingIds", command.affectedOfferingIds() == null ? null
                : ChangeRegistration.distinct(command.affectedOfferingIds()), change.affectedOfferingIds,
                value -> change.affectedOfferingIds = value);
        edits.set("plannedStart", command.plannedStart(), change.plannedStart, value -> change.plannedStart = value);
        edits.set("plannedEnd", command.plannedEnd(), change.plannedEnd, value -> change.plannedEnd = value);
        edits.set("implementationPlan", command.implementationPlan(), change.implementationPlan,
                value -> change.implementationPlan = value);
        edits.set("backoutPlan", command.backoutPlan(), change.backoutPlan, value -> change.backoutPlan = value);
        edits.set("testPlan", command.testPlan(), change.testPlan, value -> change.testPlan = value);
        edits.set("changeManager", command.changeManager(), change.changeManager,
                value -> change.changeManager = value);
        edits.set("implementer", command.implementer(), change.implementer, value -> change.implementer = value);
        edits.set("templateId", command.templateId(), change.templateId, value -> change.templateId = value);
        edits.set("problemNumber", command.problemNumber(), change.problemNumber,
                value -> change.problemNumber = value);
        edits.set("catalogUpdate", events.catalogUpdateJson(command.catalogUpdate()), change.catalogUpdate,
                value -> change.catalogUpdate = value);
        edits.set("riskAssessment", command.risk(), ChangeRisk.answersOf(change),
                answers -> ChangeRisk.setAnswers(change, answers));
        return edits;
    }

    /**
     * The window of an authorised or scheduled change moved: the approval was for the old window, so the change goes
     * back through approval (a new round in Authorize; a standard change back to New) — see
     * {@link ChangeLifecycle#replan}.
     */
    private Uni<Void> replan(ChangeRequest change, FieldEdits edits) {
        ChangeState from = change.state;
        ChangeState target = lifecycle.replan(change.type, from).orElseThrow();
        ApprovalStatus approvalBefore = change.approvalStatus;
        int roundBefore = change.approvalRound;
        if (!lifecycle.replanNeedsApproval(change.type, from)) {
            change.state = target;
            change.approvalStatus = ApprovalStatus.NOT_REQUESTED;
            change.approvedAt = null;
            edits.record("state", from, target);
            edits.record("approvalStatus", approvalBefore, change.approvalStatus);
            return Uni.createFrom().voidItem();
        }
        return approvals.enterAuthorize(change).invoke(() -> {
            change.state = target;
            edits.record("state", from, target);
            edits.record("approvalStatus", approvalBefore, change.approvalStatus);
            edits.record("approvalRound", roundBefore, change.approvalRound);
        });
    }
}
