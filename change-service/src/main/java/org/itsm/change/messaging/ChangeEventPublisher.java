package org.itsm.change.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ApprovalPolicy;
import org.itsm.change.domain.ChangeApproval;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.ChangeApprovalEvent;
import org.itsm.events.change.ChangeEvent;
import org.itsm.events.EventTypes;
import org.itsm.support.outbox.OutboxWriter;
import org.itsm.support.persistence.FieldChange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Turns change moments into contract events in the outbox (same transaction as the change). Key: the change id. */
@ApplicationScoped
public class ChangeEventPublisher {

    private final OutboxWriter outbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ChangeEventPublisher(OutboxWriter outbox, ObjectMapper objectMapper, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    /**
     * Fields named on an update event but whose values are left out: free text that may hold anything (descriptions,
     * plans, notes, reasons).
     */
    static final Set<String> FREE_TEXT = Set.of("description", "justification", "implementationPlan", "backoutPlan",
            "testPlan", "outcomeNotes", "reviewNotes", "cancelReason", "conflictOverrideReason", "catalogUpdateReason",
            "outsideWindowReason");

    public Uni<Void> publish(String type, ChangeRequest change) {
        return publish(type, change, List.of());
    }

    /** {@code itsm.change.updated.v1} naming the fields that changed, with their new values where not free text. */
    public Uni<Void> publishUpdate(ChangeRequest change, List<FieldChange> edits) {
        return publish(EventTypes.CHANGE_UPDATED, change, edits);
    }

    /** An event of {@code type} that also names {@code edits} (changed fields and non-free-text new values). */
    public Uni<Void> publish(String type, ChangeRequest change, List<FieldChange> edits) {
        List<String> changedFields = null;
        Map<String, String> newValues = null;
        List<FieldChange> changed = edits.stream().filter(FieldChange::changed).toList();
        if (!changed.isEmpty()) {
            changedFields = changed.stream().map(FieldChange::field).distinct().toList();
            newValues = new LinkedHashMap<>();
            for (FieldChange edit : changed) {
                if (!FREE_TEXT.contains(edit.field())) {
                    newValues.put(edit.field(), edit.to());
                }
            }
        }
        ChangeEvent event = new ChangeEvent(change.id, change.number, change.type.name(), change.state.name(),
                change.title, change.affectedServiceIds, change.affectedOfferingIds, change.plannedStart,
                change.plannedEnd, change.riskLevel == null ? null : change.riskLevel.name(),
                change.outcome == null ? null : change.outcome.name(), change.problemNumber,
                catalogUpdate(change.catalogUpdate), clock.instant(), change.requester, changedFields, newValues,
                change.implementer, ApprovalPolicy.awaitedVotes(change.state, change.approvalStatus,
                        change.approvalRoute).stream().map(Enum::name).toList());
        return outbox.append(type, change.id, change.number, event);
    }

    public Uni<Void> publishVote(ChangeRequest change, ChangeApproval vote) {
        ChangeApprovalEvent event = new ChangeApprovalEvent(change.id, change.number, vote.voter,
                vote.capacity.name(), vote.decision.name(), vote.comment, change.approvalStatus.name(),
                change.requester, clock.instant());
        return outbox.append(EventTypes.CHANGE_APPROVAL_VOTE_CAST, change.id, change.number, event);
    }

    /** The catalog update as stored on the change (JSON of the contract record); null stays null. */
    public String catalogUpdateJson(CatalogUpdate update) {
        if (update == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public CatalogUpdate catalogUpdate(String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, CatalogUpdate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalog update is not readable", e);
        }
    }
}
