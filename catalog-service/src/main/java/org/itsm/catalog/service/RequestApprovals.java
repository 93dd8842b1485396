package org.itsm.catalog.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.events.EventTypes;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deciding on a request awaiting approval: only the approver the item's rule names, or an admin, never the
 * requester ({@link RequestAccess#mayDecide}); a rejection says why. An approved request gets its fulfilment task.
 */
@ApplicationScoped
public class RequestApprovals {

    private final RequestFulfilment fulfilment;
    private final RecordHistory history;
    private final CatalogEventPublisher events;

    public RequestApprovals(RequestFulfilment fulfilment, RecordHistory history, CatalogEventPublisher events) {
        this.fulfilment = fulfilment;
        this.history = history;
        this.events = events;
    }

    @WithTransaction
    public Uni<ServiceRequest> approve(UUID id, String ifMatch, String comment, Actor actor) {
        return decide(id, ifMatch, actor, RequestMove.APPROVE, comment)
                .flatMap(request -> fulfilment.approved(request, request.itemName).map(ignored -> request));
    }

    @WithTransaction
    public Uni<ServiceRequest> reject(UUID id, String ifMatch, String comment, Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiProblem.invalidField("comment", "say why the request is rejected");
        }
        return decide(id, ifMatch, actor, RequestMove.REJECT, comment).flatMap(request -> events
                .request(EventTypes.CATALOG_REQUEST_REJECTED, request).map(ignored -> request));
    }

    private Uni<ServiceRequest> decide(UUID id, String ifMatch, Actor actor, RequestMove move, String comment) {
        return fulfilment.allowed(id, ifMatch, move, actor).flatMap(request -> {
            String decidedBefore = request.decidedBy;
            String before = request.decisionComment;
            request.decidedBy = actor.name();
            request.decisionComment = comment;
            return fulfilment.move(request, move, actor.name())
                    .flatMap(ignored -> history.record(request.id, actor.name(), List.of(
                            FieldChange.of("decision", null, move == RequestMove.APPROVE ? "approved" : "rejected"),
                            FieldChange.of("decidedBy", decidedBefore, actor.name()),
                            FieldChange.of("decisionComment", before, comment))))
                    .map(ignored -> request);
        });
    }
}
