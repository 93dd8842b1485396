package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.domain.TaskLifecycle;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.FulfilmentTaskRepository;
import org.itsm.catalog.service.RequestCommands.AddTask;
import org.itsm.events.EventTypes;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The fulfilment tasks of a request ({@link TaskLifecycle}), worked by fulfilment staff: added while the request
 * is Approved or In Fulfilment; the first started puts it In Fulfilment, the last open one completed fulfils it.
 * Each task move is recorded in the request's history and published (task created, started, completed).
 */
@ApplicationScoped
public class FulfilmentTasks {

    private final RequestQueries queries;
    private final RequestFulfilment fulfilment;
    private final FulfilmentTaskRepository tasks;
    private final RecordHistory history;
    private final CatalogEventPublisher events;
    private final Clock clock;

    public FulfilmentTasks(RequestQueries queries, RequestFulfilment fulfilment, FulfilmentTaskRepository tasks,
            RecordHistory history, CatalogEventPublisher events, Clock clock) {
        this.queries = queries;
        this.fulfilment = fulfilment;
        this.tasks = tasks;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<FulfilmentTask> add(UUID id, AddTask command, Actor actor) {
        return queries.get(id, actor).flatMap(request -> {
            if (!RequestAccess.mayWorkTasks(actor.who())) {
                throw ApiProblem.forbidden(RequestAccess.refusal(request, RequestMove.START_FULFILMENT));
            }
            String refusal = TaskLifecycle.addRefusal(request.number, request.state);
            if (refusal != null) {
                throw ApiProblem.conflict(refusal);
            }
            FulfilmentTask added = fulfilment.newTask(request, command.title().strip(),
                    command.assignmentGroup() != null ? command.assignmentGroup() : request.fulfilmentGroup);
            return tasks.persist(added)
                    .flatMap(saved -> history.record(request.id, actor.name(),
                            List.of(FieldChange.of("task", null, RequestFulfilment.taskEntry(saved)))))
                    .flatMap(ignored -> events.task(EventTypes.CATALOG_REQUEST_TASK_CREATED, added, request))
                    .map(ignored -> added);
        });
    }

    /**
     * Starts a task; the task is assigned to whoever starts it, and the first started task puts the request In
     * Fulfilment.
     */
    @WithTransaction
    public Uni<FulfilmentTask> start(UUID id, UUID taskId, Actor actor) {
        return task(id, taskId, actor).flatMap(found -> {
            FulfilmentTask task = found.task();
            ServiceRequest request = found.request();
            String before = RequestFulfilment.taskEntry(task);
            task.state = TaskLifecycle.apply(task.state, TaskLifecycle.START);
            task.assignee = actor.name();
            Uni<Void> requestMove = request.state == RequestState.APPROVED
                    ? fulfilment.move(request, RequestMove.START_FULFILMENT, actor.name())
                    : Uni.createFrom().voidItem();
            return history.record(request.id, actor.name(),
                    List.of(FieldChange.of("task", before, RequestFulfilment.taskEntry(task))))
                    .flatMap(ignored -> requestMove)
                    .flatMap(ignored -> events.task(EventTypes.CATALOG_REQUEST_TASK_STARTED, task, request))
                    .map(ignored -> task);
        });
    }

    /** Completes a started task; the last open task completed fulfils the request. */
    @WithTransaction
    public Uni<FulfilmentTask> complete(UUID id, UUID taskId, String notes, Actor actor) {
        return task(id, taskId, actor).flatMap(found -> {
            FulfilmentTask task = found.task();
            ServiceRequest request = found.request();
            String before = RequestFulfilment.taskEntry(task);
            task.state = TaskLifecycle.apply(task.state, TaskLifecycle.COMPLETE);
            task.notes = notes;
            task.completedAt = Instant.now(clock);
            return history.record(request.id, actor.name(),
                    List.of(FieldChange.of("task", before, RequestFulfilment.taskEntry(task))))
                    .flatMap(ignored -> events.task(EventTypes.CATALOG_REQUEST_TASK_COMPLETED, task, request))
                    .flatMap(ignored -> tasks.ofRequest(request.id))
                    .flatMap(all -> TaskLifecycle.fulfil(all.stream().map(each -> each.state).toList())
                            ? fulfilment.fulfil(request, actor) : Uni.createFrom().voidItem())
                    .map(ignored -> task);
        });
    }

    private record TaskOfRequest(ServiceRequest request, FulfilmentTask task) {
    }

    private Uni<TaskOfRequest> task(UUID id, UUID taskId, Actor actor) {
        return queries.get(id, actor).flatMap(request -> tasks.findById(taskId).map(task -> {
            if (task == null || !task.requestId.equals(request.id)) {
                throw ApiProblem.notFound("Task", taskId);
            }
            if (!RequestAccess.mayWorkTasks(actor.who())) {
                throw ApiProblem.forbidden(RequestAccess.refusal(request, RequestMove.START_FULFILMENT));
            }
            return new TaskOfRequest(request, task);
        }));
    }
}
