package org.itsm.catalog.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.QueuedTask;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.rest.RequestApi.ItemView;
import org.itsm.catalog.rest.RequestApi.QueuedTaskView;
import org.itsm.catalog.rest.RequestApi.RequestView;
import org.itsm.catalog.rest.RequestApi.TaskView;
import org.itsm.catalog.service.JsonSupport;

/** Maps stored items, requests and tasks to API models. */
@ApplicationScoped
public class RequestMapper {

    public ItemView toView(CatalogItem item) {
        return new ItemView(item.id, item.name, item.category, item.description, JsonSupport.parse(item.formSchema),
                item.approvalRule, item.fulfilmentGroup, item.expectedDeliveryHours, item.offeringId, item.published,
                item.createdAt, item.updatedAt);
    }

    /** The request as {@code who} sees it: the actions offered are those {@link RequestAccess} lets them make now. */
    public RequestView toView(ServiceRequest request, RequestAccess.Who who) {
        List<RequestAccess.Action> actions = RequestAccess.allowedActions(request, who);
        return new RequestView(request.id, request.number, request.itemId, request.itemName, request.requester,
                JsonSupport.parse(request.fieldValues), request.state, request.approvalRule, request.approver,
                request.decidedBy, request.decisionComment, request.fulfilmentGroup, request.expectedDeliveryHours,
                request.submittedAt, request.dueAt, request.fulfilledAt, request.closedAt, request.updatedAt,
                actions.stream().map(RequestAccess.Action::action).toList(), actions);
    }

    public TaskView toView(FulfilmentTask task, RequestAccess.Who who) {
        return new TaskView(task.id, task.requestId, task.title, task.assignmentGroup, task.assignee, task.state,
                task.notes, task.createdAt, task.completedAt, RequestAccess.allowedTaskActions(task.state, who));
    }

    public QueuedTaskView toView(QueuedTask queued, RequestAccess.Who who) {
        FulfilmentTask task = queued.task();
        ServiceRequest request = queued.request();
        return new QueuedTaskView(task.id, request.id, request.number, request.itemName, request.requester,
                request.state, request.dueAt, task.title, task.assignmentGroup, task.assignee, task.state, task.notes,
                task.createdAt, task.completedAt, RequestAccess.allowedTaskActions(task.state, who));
    }
}
