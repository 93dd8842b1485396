package org.itsm.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.ApprovalRule;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.QueuedTask;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.domain.TaskLifecycle;
import org.itsm.catalog.domain.TaskState;
import org.itsm.catalog.repository.FulfilmentTaskRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.QueryParams;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Read side of service requests: a request as its caller may see it ({@link RequestAccess#sees}: requesters see
 * their own and those awaiting their approval), filtered lists, tasks, history and the fulfilment figures.
 */
@ApplicationScoped
public class RequestQueries {

    public static final Map<String, String> SORTABLE = Map.of("number", "number", "submittedAt", "submittedAt",
            "updatedAt", "updatedAt", "dueAt", "dueAt", "state", "state");

    private final ServiceRequestRepository requests;
    private final FulfilmentTaskRepository tasks;
    private final RecordHistory history;

    public RequestQueries(ServiceRequestRepository requests, FulfilmentTaskRepository tasks, RecordHistory history) {
        this.requests = requests;
        this.tasks = tasks;
        this.history = history;
    }

    public record Filter(RequestState state, String requester, String fulfilmentGroup, UUID itemId,
            Boolean awaitingMe, String text) {
    }

    /** Sort keys of the task list: the task's own times and state, its request's number and due time. */
    public static final Map<String, String> TASK_SORTABLE = Map.of("createdAt", "t.createdAt", "state", "t.state",
            "number", "r.number", "dueAt", "r.dueAt");

    /** The {@code assignee} filter values naming the caller, and nobody. */
    public static final String ME = "me";
    public static final String UNASSIGNED = "none";

    /**
     * Task list filters; null means no filter. {@code open}: Open or In Progress; {@code assignee}: a user name,
     * {@link #ME} or {@link #UNASSIGNED}; {@code request}: the request's id or number.
     */
    public record TaskFilter(TaskState state, Boolean open, String assignmentGroup, String assignee,
            String request) {
    }

    @WithSession
    public Uni<ServiceRequest> get(UUID id, Actor actor) {
        return requests.findById(id).invoke(request -> {
            if (request == null || !RequestAccess.sees(request, actor.who())) {
                // a requester cannot tell another requester's request from a missing one
                throw ApiProblem.notFound("Request", id);
            }
        });
    }

    @WithSession
    public Uni<PageResult<ServiceRequest>> list(Filter filter, PageRequest page, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!RequestAccess.seesAll(actor.who())) {
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

    /**
     * The approvals inbox: the requests awaiting the caller's decision, the query form of
     * {@link RequestAccess#awaitsDecisionOf} (awaiting approval, not the caller's own, and the rule names the caller:
     * MANAGER with the caller as approver, or CATALOG_MANAGER for a catalog manager or admin).
     */
    @WithSession
    public Uni<PageResult<ServiceRequest>> awaitingDecision(PageRequest page, Actor actor) {
        Parameters parameters = Parameters.with("awaiting", RequestState.AWAITING_APPROVAL)
                .and("me", actor.name()).and("manager", ApprovalRule.MANAGER);
        String named = "approvalRule = :manager and approver = :me";
        if (actor.who().catalogManager()) {
            named = "(" + named + " or approvalRule = :catalogManager)";
            parameters.and("catalogManager", ApprovalRule.CATALOG_MANAGER);
        }
        return new PagedQuery<>(ServiceRequest.class, "state = :awaiting and requester <> :me and " + named,
                parameters).fetch(page);
    }

    /**
     * Fulfilment tasks across requests, each with its request, for those who see every request
     * ({@link RequestAccess#seesAll}; the endpoint admits only them).
     */
    @WithSession
    public Uni<PageResult<QueuedTask>> taskList(TaskFilter filter, PageRequest page, Actor actor) {
        if (!RequestAccess.seesAll(actor.who())) {
            throw ApiProblem.forbidden("Only fulfilment staff and catalog managers see the task list");
        }
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.state() != null) {
            conditions.add("t.state = :state");
            parameters.and("state", filter.state());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            conditions.add("t.state in :open");
            parameters.and("open", TaskLifecycle.OPEN_STATES);
        } else if (Boolean.FALSE.equals(filter.open())) {
            conditions.add("t.state not in :open");
            parameters.and("open", TaskLifecycle.OPEN_STATES);
        }
        if (filter.assignmentGroup() != null && !filter.assignmentGroup().isBlank()) {
            conditions.add("t.assignmentGroup = :group");
            parameters.and("group", filter.assignmentGroup().strip());
        }
        if (UNASSIGNED.equals(filter.assignee())) {
            conditions.add("t.assignee is null");
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            conditions.add("t.assignee = :assignee");
            parameters.and("assignee", ME.equals(filter.assignee()) ? actor.name() : filter.assignee().strip());
        }
        if (filter.request() != null && !filter.request().isBlank()) {
            String request = filter.request().strip();
            if (request.matches("(?i)REQ\\d+")) {
                conditions.add("r.number = :number");
                parameters.and("number", request.toUpperCase(java.util.Locale.ROOT));
            } else {
                conditions.add("r.id = :request");
                parameters.and("request", QueryParams.uuid("request", request));
            }
        }
        return tasks.page(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters, page);
    }

    @WithSession
    public Uni<List<FulfilmentTask>> tasks(UUID id, Actor actor) {
        return get(id, actor).flatMap(request -> tasks.ofRequest(request.id));
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(UUID id, Actor actor) {
        return get(id, actor).flatMap(request -> history.of(request.id));
    }

    @WithSession
    public Uni<RequestFigures> figures() {
        return requests.figures();
    }
}
