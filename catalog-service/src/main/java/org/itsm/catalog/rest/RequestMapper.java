package org.itsm.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.RequestLifecycle;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.rest.RequestApi.ItemView;
import org.itsm.catalog.rest.RequestApi.RequestView;
import org.itsm.catalog.rest.RequestApi.TaskView;
import org.itsm.catalog.service.JsonSupport;

/** Maps stored items, requests and tasks to API models. */
@ApplicationScoped
public class RequestMapper {

    /** Moves the system makes by itself are not offered as actions. */
    private static final java.util.Set<String> INTERNAL = java.util.Set.of(RequestMove.AWAIT_APPROVAL.action(),
            RequestMove.AUTO_APPROVE.action(), RequestMove.START_FULFILMENT.action(), RequestMove.FULFIL.action());

    public ItemView toView(CatalogItem item) {
        return new ItemView(item.id, item.name, item.category, item.description, JsonSupport.parse(item.formSchema),
                item.approvalRule, item.fulfilmentGroup, item.expectedDeliveryHours, item.offeringId, item.published,
                item.createdAt, item.updatedAt);
    }

    public RequestView toView(ServiceRequest request) {
        return new RequestView(request.id, request.number, request.itemId, request.itemName, request.requester,
                JsonSupport.parse(request.fieldValues), request.state, request.approvalRule, request.approver,
                request.decidedBy, request.decisionComment, request.fulfilmentGroup, request.expectedDeliveryHours,
                request.submittedAt, request.dueAt, request.fulfilledAt, request.closedAt, request.updatedAt,
                RequestLifecycle.allowedActions(request.state).stream().filter(action -> !INTERNAL.contains(action))
                        .toList());
    }

    public TaskView toView(FulfilmentTask task) {
        return new TaskView(task.id, task.requestId, task.title, task.assignmentGroup, task.assignee, task.state,
                task.notes, task.createdAt, task.completedAt);
    }
}
