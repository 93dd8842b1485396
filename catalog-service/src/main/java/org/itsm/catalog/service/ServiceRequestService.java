package org.itsm.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.domain.ApprovalRule;
import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FormValidator;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.Orderability;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestLifecycle;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.domain.TaskLifecycle;
import org.itsm.catalog.domain.TaskState;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.CatalogItemRepository;
import org.itsm.catalog.repository.FulfilmentTaskRepository;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.catalog.rest.RequestApi.NewTask;
import org.itsm.catalog.rest.RequestApi.SubmitRequest;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.ProblemDetail.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Service requests: ordering an item (fields validated against its form), approval by the rule's approver,
 * fulfilment tasks for the item's group, and the lifecycle through to closed. Requesters see their own only.
 */
@ApplicationScoped
public class ServiceRequestService {

    static final String NUMBER_PREFIX = "REQ";
    public static final Map<String, String> SORTABLE = Map.of("number", "number", "submittedAt", "submittedAt",
            "updatedAt", "updatedAt", "dueAt", "dueAt", "state", "state");

    private final ServiceRequestRepository requests;
    private final CatalogItemRepository items;
    private final ItServiceRepository services;
    private final OfferingRepository offerings;
    private final FulfilmentTaskRepository tasks;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final CatalogEventPublisher events;
    private final RequestMeasures measures;
    private final CatalogConfig config;

    public ServiceRequestService(ServiceRequestRepository requests, CatalogItemRepository items,
            ItServiceRepository services, OfferingRepository offerings, FulfilmentTaskRepository tasks, NumberSequence numbers,
            RecordHistory history, IdempotencyKeys idempotencyKeys, CatalogEventPublisher events,
            RequestMeasures measures, CatalogConfig config) {
        this.requests = requests;
        this.items = items;
        this.services = services;
        this.offerings = offerings;
        this.tasks = tasks;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.measures = measures;
        this.config = config;
    }

    @WithTransaction
    public Uni<PortfolioService.Created<ServiceRequest>> submit(SubmitRequest request, Actor actor,
            String idempotencyKey, String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> requests.findById(outcome.id())
                        .map(saved -> new PortfolioService.Created<>(saved, !outcome.replayed())));
    }

    private Uni<UUID> insert(SubmitRequest submitted, Actor actor) {
        return items.findById(submitted.itemId()).flatMap(item -> orderable(submitted, item)).flatMap(item -> {
            String values = submitted.fields().toString();
            if (values.length() > config.maxFormJsonLength()) {
                throw ApiProblem.invalidField(FormValidator.FIELDS, "larger than " + config.maxFormJsonLength()
                        + " characters");
            }
            List<FormValidator.FieldProblem> problems = FormValidator.validate(
                    JsonSupport.parse(item.formSchema), submitted.fields());
            if (!problems.isEmpty()) {
                throw ApiProblem.invalidFields(problems.stream()
                        .map(problem -> new FieldError(problem.field(), problem.message())).toList());
            }
            if (item.approvalRule == ApprovalRule.MANAGER && actor.manager() == null) {
                throw ApiProblem.unprocessable("Item " + item.name + " needs your manager's approval, but your"
                        + " profile names no manager; ask an administrator to set the manager attribute");
            }
            Instant now = Instant.now();
            ServiceRequest request = new ServiceRequest();
            request.id = UUID.randomUUID();
            request.itemId = item.id;
            request.itemName = item.name;
            request.requester = actor.name();
            request.fieldValues = values;
            request.state = RequestState.SUBMITTED;
            request.approvalRule = item.approvalRule;
            request.approver = item.approvalRule == ApprovalRule.MANAGER ? actor.manager() : null;
            request.fulfilmentGroup = item.fulfilmentGroup;
            request.expectedDeliveryHours = item.expectedDeliveryHours;
            request.submittedAt = now;
            request.updatedAt = now;
            return dueAt(item, now)
                    .flatMap(due -> {
                        request.dueAt = due;
                        return numbers.next(NUMBER_PREFIX);
                    })
                    .flatMap(number -> {
                        request.number = number;
                        return requests.persist(request);
                    })
                    .flatMap(saved -> history.record(saved.id, actor.name(),
                            List.of(FieldChange.of("state", null, RequestState.SUBMITTED))))
                    .flatMap(ignored -> item.approvalRule == ApprovalRule.NONE
                            ? move(request, RequestMove.AUTO_APPROVE, "system")
                                    .flatMap(approved -> events.request(EventTypes.CATALOG_REQUEST_SUBMITTED, request))
                                    .flatMap(published -> approved(request, item.name))
                            : move(request, RequestMove.AWAIT_APPROVAL, "system")
                                    .flatMap(awaiting -> events.request(EventTypes.CATALOG_REQUEST_SUBMITTED, request)))
                    .invoke(measures::submitted)
                    .map(ignored -> request.id);
        });
    }

    /** The item, if {@link Orderability} lets it be ordered; 400 naming {@code itemId} otherwise. */
    private Uni<CatalogItem> orderable(SubmitRequest submitted, CatalogItem item) {
        Uni<ServiceOffering> offering = item == null || item.offeringId == null ? Uni.createFrom().nullItem()
                : offerings.findById(item.offeringId);
        return offering.flatMap(found -> (found == null ? Uni.createFrom().<ItService>nullItem()
                : services.findById(found.serviceId)).map(service -> {
                    String refusal = Orderability.refusal(item, found, service);
                    if (refusal != null) {
                        throw ApiProblem.invalidField("itemId", item == null || !item.published
                                ? "no published catalog item " + submitted.itemId() : refusal);
                    }
                    return item;
                }));
    }

    /** Due after the item's expected delivery time, counted on the linked offering's business hours. */
    private Uni<Instant> dueAt(CatalogItem item, Instant from) {
        Duration expected = Duration.ofHours(item.expectedDeliveryHours);
        if (item.offeringId == null) {
            return Uni.createFrom().item(from.plus(expected));
        }
        return offerings.findById(item.offeringId).map(offering -> BusinessCalendar.of(
                offering == null ? null : offering.businessHours).plus(from, expected));
    }

    @WithSession
    public Uni<ServiceRequest> get(UUID id, Actor actor) {
        return requests.findById(id).invoke(request -> {
            if (request == null || !actor.seesAllRequests() && !actor.name().equals(request.requester)
                    && !actor.name().equals(request.approver)) {
                // a requester cannot tell another requester's request from a missing one
                throw ApiProblem.notFound("Request", id);
            }
        });
    }

    public record Filter(RequestState state, String requester, String fulfilmentGroup, UUID itemId,
            Boolean awaitingMe, String text) {
    }

    @WithSession
    public Uni<PageResult<ServiceRequest>> list(Filter filter, PageRequest page, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!actor.seesAllRequests()) {
            conditions.add("(requester = :self or approver = :self)");
            parameters.and("self", actor.name());
        }
        if (Boolean.TRUE.equals(filter.awaitingMe())) {
            conditions.add("state = :awaiting and approver = :me");
            parameters.and("awaiting", RequestState.AWAITING_APPROVAL).and("me", actor.name());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.requester() != null) {
            conditions.add("requester = :requester");
            parameters.and("requester", filter.requester());
        }
        if (filter.fulfilmentGroup() != null) {
            conditions.add("fulfilmentGroup = :group");
            parameters.and("group", filter.fulfilmentGroup());
        }
        if (filter.itemId() != null) {
            conditions.add("itemId = :item");
            parameters.and("item", filter.itemId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(itemName) like :text or lower(number) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(ServiceRequest.class, where, parameters).fetch(page);
    }

    @WithTransaction
    public Uni<ServiceRequest> approve(UUID id, String ifMatch, String comment, Actor actor) {
        return decide(id, ifMatch, actor, RequestMove.APPROVE, comment)
                .flatMap(request -> approved(request, request.itemName).map(ignored -> request));
    }

    @WithTransaction
    public Uni<ServiceRequest> reject(UUID id, String ifMatch, String comment, Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiProblem.invalidField("comment", "say why the request is rejected");
        }
        return decide(id, ifMatch, actor, RequestMove.REJECT, comment).flatMap(request -> events
                .request(EventTypes.CATALOG_REQUEST_REJECTED, request).map(ignored -> request));
    }

    /** Only the approver the rule names may decide ({@link RequestAccess#mayDecide}). */
    private Uni<ServiceRequest> decide(UUID id, String ifMatch, Actor actor, RequestMove move, String comment) {
        return get(id, actor).flatMap(request -> {
            ETags.requireCurrent(ifMatch, request.version);
            requireAllowed(request, move, actor);
            String decidedBefore = request.decidedBy;
            String before = request.decisionComment;
            request.decidedBy = actor.name();
            request.decisionComment = comment;
            return move(request, move, actor.name())
                    .flatMap(ignored -> history.record(request.id, actor.name(), List.of(
                            FieldChange.of("decision", null, move == RequestMove.APPROVE ? "approved" : "rejected"),
                            FieldChange.of("decidedBy", decidedBefore, actor.name()),
                            FieldChange.of("decisionComment", before, comment))))
                    .map(ignored -> request);
        });
    }

    /** 403 when the actor may not make the move, 409 naming the allowed ones when the state does not allow it. */
    private static void requireAllowed(ServiceRequest request, RequestMove move, Actor actor) {
        if (!RequestAccess.may(request, move, actor.who())) {
            throw ApiProblem.forbidden(RequestAccess.refusal(request, move));
        }
        try {
            RequestLifecycle.apply(request.state, move);
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(e.action(), e.state(), RequestAccess.allowedActions(request, actor.who())
                    .stream().map(RequestAccess.Action::action).toList());
        }
    }

    /** An approved request gets its fulfilment task, "Fulfil <item>", for the item's group (recorded in history). */
    private Uni<Void> approved(ServiceRequest request, String itemName) {
        FulfilmentTask task = newTask(request, "Fulfil " + itemName, request.fulfilmentGroup);
        return tasks.persist(task)
                .flatMap(ignored -> history.record(request.id, "system",
                        List.of(FieldChange.of("task", null, taskEntry(task)))))
                .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_APPROVED, request));
    }

    /** How the request's history shows a task: its title and state. */
    private static String taskEntry(FulfilmentTask task) {
        return task.title + " (" + task.state + ")";
    }

    @WithTransaction
    public Uni<ServiceRequest> cancel(UUID id, String ifMatch, Actor actor) {
        return get(id, actor).flatMap(request -> {
            ETags.requireCurrent(ifMatch, request.version);
            requireAllowed(request, RequestMove.CANCEL, actor);
            return move(request, RequestMove.CANCEL, actor.name())
                    .flatMap(ignored -> tasks.ofRequest(request.id))
                    .flatMap(all -> {
                        List<FieldChange> cancelled = new ArrayList<>();
                        for (FulfilmentTask task : all) {
                            if (TaskLifecycle.open(task.state)) {
                                String before = taskEntry(task);
                                task.state = TaskState.CANCELLED;
                                cancelled.add(FieldChange.of("task", before, taskEntry(task)));
                            }
                        }
                        return history.record(request.id, actor.name(), cancelled);
                    })
                    .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_CANCELLED, request))
                    .map(ignored -> request);
        });
    }

    @WithTransaction
    public Uni<ServiceRequest> close(UUID id, String ifMatch, Actor actor) {
        return get(id, actor).flatMap(request -> {
            ETags.requireCurrent(ifMatch, request.version);
            requireAllowed(request, RequestMove.CLOSE, actor);
            return move(request, RequestMove.CLOSE, actor.name())
                    .invoke(() -> request.closedAt = Instant.now())
                    .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_CLOSED, request))
                    .map(ignored -> request);
        });
    }

    @WithSession
    public Uni<List<FulfilmentTask>> tasks(UUID id, Actor actor) {
        return get(id, actor).flatMap(request -> tasks.ofRequest(request.id));
    }

    @WithTransaction
    public Uni<FulfilmentTask> addTask(UUID id, NewTask task, Actor actor) {
        return get(id, actor).flatMap(request -> {
            if (!RequestAccess.mayWorkTasks(actor.who())) {
                throw ApiProblem.forbidden(RequestAccess.refusal(request, RequestMove.START_FULFILMENT));
            }
            if (!TaskLifecycle.takesTasks(request.state)) {
                throw ApiProblem.conflict("Tasks are added to approved requests in fulfilment; " + request.number
                        + " is " + request.state);
            }
            FulfilmentTask added = newTask(request, task.title().strip(),
                    task.assignmentGroup() != null ? task.assignmentGroup() : request.fulfilmentGroup);
            return tasks.persist(added)
                    .flatMap(saved -> history.record(request.id, actor.name(),
                            List.of(FieldChange.of("task", null, taskEntry(saved)))))
                    .map(ignored -> added);
        });
    }

    /**
     * Starts a task ({@link TaskLifecycle}); the task is assigned to whoever starts it, and the first started task
     * puts the request In Fulfilment.
     */
    @WithTransaction
    public Uni<FulfilmentTask> startTask(UUID id, UUID taskId, Actor actor) {
        return task(id, taskId, actor).flatMap(found -> {
            FulfilmentTask task = found.task();
            ServiceRequest request = found.request();
            String before = taskEntry(task);
            task.state = taskMove(task, TaskLifecycle.START);
            task.assignee = actor.name();
            Uni<Void> requestMove = request.state == RequestState.APPROVED
                    ? move(request, RequestMove.START_FULFILMENT, actor.name()) : Uni.createFrom().voidItem();
            return history.record(request.id, actor.name(), List.of(FieldChange.of("task", before, taskEntry(task))))
                    .flatMap(ignored -> requestMove).map(ignored -> task);
        });
    }

    /** Completes a started task ({@link TaskLifecycle}); the last open task completed fulfils the request. */
    @WithTransaction
    public Uni<FulfilmentTask> completeTask(UUID id, UUID taskId, String notes, Actor actor) {
        return task(id, taskId, actor).flatMap(found -> {
            FulfilmentTask task = found.task();
            ServiceRequest request = found.request();
            String before = taskEntry(task);
            task.state = taskMove(task, TaskLifecycle.COMPLETE);
            task.notes = notes;
            task.completedAt = Instant.now();
            return history.record(request.id, actor.name(), List.of(FieldChange.of("task", before, taskEntry(task))))
                    .flatMap(ignored -> tasks.ofRequest(request.id))
                    .flatMap(all -> all.stream().allMatch(each -> each.state == TaskState.DONE
                            || each.state == TaskState.CANCELLED) ? fulfil(request, actor) : Uni.createFrom().voidItem())
                    .map(ignored -> task);
        });
    }

    private Uni<Void> fulfil(ServiceRequest request, Actor actor) {
        return move(request, RequestMove.FULFIL, actor.name())
                .invoke(() -> request.fulfilledAt = Instant.now())
                .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_FULFILLED, request))
                .invoke(measures::fulfilled);
    }

    private static TaskState taskMove(FulfilmentTask task, String action) {
        try {
            return TaskLifecycle.apply(task.state, action);
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(e.action(), e.state(), e.allowedMoves());
        }
    }

    private record TaskOfRequest(ServiceRequest request, FulfilmentTask task) {
    }

    private Uni<TaskOfRequest> task(UUID id, UUID taskId, Actor actor) {
        return get(id, actor).flatMap(request -> tasks.findById(taskId).map(task -> {
            if (task == null || !task.requestId.equals(request.id)) {
                throw ApiProblem.notFound("Task", taskId);
            }
            if (!RequestAccess.mayWorkTasks(actor.who())) {
                throw ApiProblem.forbidden(RequestAccess.refusal(request, RequestMove.START_FULFILMENT));
            }
            return new TaskOfRequest(request, task);
        }));
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id, Actor actor) {
        return get(id, actor).flatMap(request -> history.of(request.id));
    }

    @WithSession
    public Uni<RequestFigures> figures() {
        return requests.figures();
    }

    private Uni<Void> move(ServiceRequest request, RequestMove move, String actor) {
        RequestState before = request.state;
        try {
            request.state = RequestLifecycle.apply(before, move);
        } catch (IllegalMoveException e) {
            throw ApiProblem.illegalMove(e.action(), e.state(), e.allowedMoves());
        }
        request.updatedAt = Instant.now();
        return history.record(request.id, actor, List.of(FieldChange.of("state", before, request.state)));
    }

    private static FulfilmentTask newTask(ServiceRequest request, String title, String group) {
        FulfilmentTask task = new FulfilmentTask();
        task.id = UUID.randomUUID();
        task.requestId = request.id;
        task.title = title;
        task.assignmentGroup = group;
        task.state = TaskState.OPEN;
        task.createdAt = Instant.now();
        return task;
    }
}
