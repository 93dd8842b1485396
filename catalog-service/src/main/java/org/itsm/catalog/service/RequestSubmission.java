package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.domain.ApprovalRule;
import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FormValidator;
import org.itsm.catalog.domain.ItService;
import org.itsm.catalog.domain.Orderability;
import org.itsm.catalog.domain.RequestMove;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.ServiceOffering;
import org.itsm.catalog.domain.ServiceRequest;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.CatalogItemRepository;
import org.itsm.catalog.repository.ItServiceRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.repository.ServiceRequestRepository;
import org.itsm.catalog.service.RequestCommands.OrderItem;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.NumberSequence;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.FieldErrorCode;
import org.itsm.support.rest.ProblemDetail.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Ordering an item: it must be orderable ({@link Orderability}), the fields valid against its form
 * ({@link FormValidator}); the request is due after the item's expected delivery time on the offering's business
 * hours, and routed at once: to its approver, or approved with its first task when the item's rule is NONE.
 */
@ApplicationScoped
public class RequestSubmission {

    static final String NUMBER_PREFIX = "REQ";

    private final ServiceRequestRepository requests;
    private final CatalogItemRepository items;
    private final ItServiceRepository services;
    private final OfferingRepository offerings;
    private final RequestFulfilment fulfilment;
    private final NumberSequence numbers;
    private final RecordHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final CatalogEventPublisher events;
    private final RequestMeasures measures;
    private final CatalogConfig config;
    private final Clock clock;

    public RequestSubmission(ServiceRequestRepository requests, CatalogItemRepository items,
            ItServiceRepository services, OfferingRepository offerings, RequestFulfilment fulfilment,
            NumberSequence numbers, RecordHistory history, IdempotencyKeys idempotencyKeys,
            CatalogEventPublisher events, RequestMeasures measures, CatalogConfig config, Clock clock) {
        this.requests = requests;
        this.items = items;
        this.services = services;
        this.offerings = offerings;
        this.fulfilment = fulfilment;
        this.numbers = numbers;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.measures = measures;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Created<ServiceRequest>> submit(OrderItem order, Actor actor, String idempotencyKey) {
        return Created.once(idempotencyKeys, actor, idempotencyKey, order, () -> insert(order, actor),
                requests::findById);
    }

    private Uni<UUID> insert(OrderItem order, Actor actor) {
        return items.findById(order.itemId()).flatMap(item -> orderable(order, item)).flatMap(item -> {
            String values = order.fields().toString();
            if (values.length() > config.maxFormJsonLength()) {
                throw ApiProblem.invalidField(FieldError.of(FormValidator.FIELDS, "larger than "
                        + config.maxFormJsonLength() + " characters", FieldErrorCode.TOO_LONG,
                        Map.of("max", config.maxFormJsonLength())));
            }
            List<FormValidator.FieldProblem> problems = FormValidator.validate(
                    JsonSupport.parse(item.formSchema), order.fields());
            if (!problems.isEmpty()) {
                throw ApiProblem.invalidFields(problems.stream()
                        .map(problem -> FieldError.of(problem.field(), problem.message(), problem.code(),
                                problem.params())).toList());
            }
            if (item.approvalRule == ApprovalRule.MANAGER && actor.manager() == null) {
                throw ApiProblem.unprocessable("Item " + item.name + " needs your manager's approval, but your"
                        + " profile names no manager; ask an administrator to set the manager attribute");
            }
            Instant now = Instant.now(clock);
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
                            ? fulfilment.move(request, RequestMove.AUTO_APPROVE, RequestFulfilment.SYSTEM)
                                    .flatMap(approved -> events.request(EventTypes.CATALOG_REQUEST_SUBMITTED, request))
                                    .flatMap(published -> fulfilment.approved(request, item.name))
                            : fulfilment.move(request, RequestMove.AWAIT_APPROVAL, RequestFulfilment.SYSTEM)
                                    .flatMap(awaiting -> events.request(EventTypes.CATALOG_REQUEST_SUBMITTED, request)))
                    .invoke(measures::submitted)
                    .map(ignored -> request.id);
        });
    }

    /** The item, if {@link Orderability} lets it be ordered; 400 naming {@code itemId} otherwise. */
    private Uni<CatalogItem> orderable(OrderItem order, CatalogItem item) {
        Uni<ServiceOffering> offering = item == null || item.offeringId == null ? Uni.createFrom().nullItem()
                : offerings.findById(item.offeringId);
        return offering.flatMap(found -> (found == null ? Uni.createFrom().<ItService>nullItem()
                : services.findById(found.serviceId)).map(service -> {
                    String refusal = Orderability.refusal(item, found, service);
                    if (refusal != null) {
                        throw ApiProblem.invalidField("itemId", item == null || !item.published
                                ? "no published catalog item " + order.itemId() : refusal);
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
}
