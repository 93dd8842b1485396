package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestLifecycle;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.domain.TaskLifecycle;
import org.itsm.catalog.domain.TaskState;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.FulfilmentTaskRepository;
import org.itsm.events.EventTypes;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A request's way through {@link RequestLifecycle}, each move recorded: approved requests get their fulfilment task,
 * the last task done fulfils the request, and the requester or fulfilment staff cancel or close it. Submission,
 * approval and the task endpoints move requests through here.
 */
@ApplicationScoped
public class RequestFulfilment {

    /** Who the history names for the moves a request makes by itself (routing on submission, its first task). */
    static final String SYSTEM = "system";

    private final RequestQueries queries;
    private final FulfilmentTaskRepository tasks;
    private final RecordHistory history;
    private final CatalogEventPublisher events;
    private final RequestMeasures measures;
    private final Clock clock;

    public RequestFulfilment(RequestQueries queries, FulfilmentTaskRepository tasks, RecordHistory history,
            CatalogEventPublisher events, RequestMeasures measures, Clock clock) {
        this.queries = queries;
        this.tasks = tasks;
        this.history = history;
        this.events = events;
        this.measures = measures;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ServiceRequest> cancel(UUID id, String ifMatch, Actor actor) {
        return allowed(id, ifMatch, RequestMove.CANCEL, actor).flatMap(request -> move(request, RequestMove.CANCEL,
                actor.name())
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
                .map(ignored -> request));
    }

    @WithTransaction
    public Uni<ServiceRequest> close(UUID id, String ifMatch, Actor actor) {
        return allowed(id, ifMatch, RequestMove.CLOSE, actor).flatMap(request -> move(request, RequestMove.CLOSE,
                actor.name())
                .invoke(() -> request.closedAt = Instant.now(clock))
                .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_CLOSED, request))
                .map(ignored -> request));
    }

    /**
     * The request the actor asks to move, if they see it (404), name its current version (412), may make the move
     * (403) and its state allows it (409).
     */
    Uni<ServiceRequest> allowed(UUID id, String ifMatch, RequestMove move, Actor actor) {
        return queries.get(id, actor).invoke(request -> {
            ETags.requireCurrent(ifMatch, request.version);
            requireAllowed(request, move, actor);
        });
    }

    /**
     * 403 when the actor may not make the move ({@link RequestAccess}), 409 naming the moves the actor may make
     * when the state does not allow it.
     */
    private static void requireAllowed(ServiceRequest request, RequestMove move, Actor actor) {
        if (!RequestAccess.may(request, move, actor.who())) {
            throw ApiProblem.forbidden(RequestAccess.refusal(request, move));
        }
        try {
            RequestLifecycle.apply(request.state, move);
        } catch (IllegalMoveException e) {
            throw e.allowing(RequestAccess.allowedActions(request, actor.who()).stream()
                    .map(RequestAccess.Action::action).toList());
        }
    }

    /** Moves the request ({@link RequestLifecycle}; 409 naming the allowed moves) and records the move. */
    Uni<Void> move(ServiceRequest request, RequestMove move, String actor) {
        RequestState before = request.state;
        request.state = RequestLifecycle.apply(before, move);
        request.updatedAt = Instant.now(clock);
        return history.record(request.id, actor, List.of(FieldChange.of("state", before, request.state)));
    }

    /**
     * An approved request gets its fulfilment task, "Fulfil <item>", for the item's group (recorded in history; the
     * approval's event, then the task's).
     */
    Uni<Void> approved(ServiceRequest request, String itemName) {
        FulfilmentTask task = newTask(request, "Fulfil " + itemName, request.fulfilmentGroup);
        return tasks.persist(task)
                .flatMap(ignored -> history.record(request.id, SYSTEM,
                        List.of(FieldChange.of("task", null, taskEntry(task)))))
                .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_APPROVED, request))
                .flatMap(ignored -> events.task(EventTypes.CATALOG_REQUEST_TASK_CREATED, task, request));
    }

    /** The last open task is done: the request is fulfilled. */
    Uni<Void> fulfil(ServiceRequest request, Actor actor) {
        return move(request, RequestMove.FULFIL, actor.name())
                .invoke(() -> request.fulfilledAt = Instant.now(clock))
                .flatMap(ignored -> events.request(EventTypes.CATALOG_REQUEST_FULFILLED, request))
                .invoke(measures::fulfilled);
    }

    FulfilmentTask newTask(ServiceRequest request, String title, String group) {
        FulfilmentTask task = new FulfilmentTask();
        task.id = UUID.randomUUID();
        task.requestId = request.id;
        task.title = title;
        task.assignmentGroup = group;
        task.state = TaskState.OPEN;
        task.createdAt = Instant.now(clock);
        return task;
    }

    /** How the request's history shows a task: its title and state. */
    static String taskEntry(FulfilmentTask task) {
        return task.title + " (" + task.state + ")";
    }
}
