package org.itsm.change.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeApproval;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.ChangeApprovalEvent;
import org.itsm.events.change.ChangeEvent;
import org.itsm.events.EventTypes;
import org.itsm.support.outbox.OutboxWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Turns change moments into contract events in the outbox (same transaction as the change). Key: the change id. */
@ApplicationScoped
public class ChangeEventPublisher {

    private final OutboxWriter outbox;
    private final ObjectMapper objectMapper;

    public ChangeEventPublisher(OutboxWriter outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    public Uni<Void> publish(String type, ChangeRequest change) {
        ChangeEvent event = new ChangeEvent(change.id, change.number, change.type.name(), change.state.name(),
                change.title, change.affectedServiceIds, change.affectedOfferingIds, change.plannedStart,
                change.plannedEnd, change.riskLevel == null ? null : change.riskLevel.name(),
                change.outcome == null ? null : change.outcome.name(), change.problemNumber,
                catalogUpdate(change.catalogUpdate), Instant.now(), change.requester);
        return outbox.append(type, change.id, change.number, event);
    }

    public Uni<Void> publishVote(ChangeRequest change, ChangeApproval vote) {
        ChangeApprovalEvent event = new ChangeApprovalEvent(change.id, change.number, vote.voter,
                vote.capacity.name(), vote.decision.name(), vote.comment, change.approvalStatus.name(),
                change.requester, Instant.now());
        return outbox.append(EventTypes.CHANGE_APPROVAL_VOTE_CAST, change.id, change.number, event);
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
