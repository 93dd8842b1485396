package org.itsm.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestFigures;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.repository.FulfilmentTaskRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

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
