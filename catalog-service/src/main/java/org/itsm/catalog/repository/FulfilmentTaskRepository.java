package org.itsm.catalog.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.itsm.catalog.domain.FulfilmentTask;
import org.itsm.catalog.domain.QueuedTask;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FulfilmentTaskRepository implements PanacheRepositoryBase<FulfilmentTask, UUID> {

    public Uni<List<FulfilmentTask>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt", requestId);
    }

    /**
     * A page of tasks with their requests and the total over all pages.
     *
     * @param where HQL condition over {@code t} (the task) and {@code r} (its request), built from fixed fragments
     */
    public Uni<PageResult<QueuedTask>> page(String where, Parameters parameters, PageRequest page) {
        String from = " from FulfilmentTask t, ServiceRequest r where r.id = t.requestId and (" + where + ")";
        return getSession().flatMap(session -> bind(session.createSelectionQuery("select t, r" + from
                + " order by " + page.orderBy() + ", t.id", Object[].class), parameters)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .flatMap(rows -> bind(session.createSelectionQuery("select count(*)" + from, Long.class), parameters)
                        .getSingleResult()
                        .map(total -> new PageResult<>(rows.stream()
                                .map(row -> new QueuedTask((FulfilmentTask) row[0], (ServiceRequest) row[1]))
                                .toList(), page.page(), page.size(), total))));
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query, Parameters parameters) {
        for (Map.Entry<String, Object> parameter : parameters.map().entrySet()) {
            query.setParameter(parameter.getKey(), parameter.getValue());
        }
        return query;
    }
}
