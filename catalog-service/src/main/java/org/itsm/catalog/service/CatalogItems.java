package org.itsm.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FormValidator;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.CatalogItemRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.rest.RequestApi.CreateItem;
import org.itsm.catalog.rest.RequestApi.UpdateItem;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.PageResult;
import org.itsm.support.rest.ProblemDetail.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** Requestable items: their forms, approval rules and fulfilment groups; publish and unpublish. */
@ApplicationScoped
public class CatalogItems {

    public static final java.util.Map<String, String> SORTABLE = java.util.Map.of("name", "name", "category",
            "category", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final CatalogItemRepository items;
    private final OfferingRepository offerings;
    private final RecordHistory history;
    private final CatalogEventPublisher events;
    private final CatalogConfig config;
    private final IdempotencyKeys idempotencyKeys;

    public CatalogItems(CatalogItemRepository items, OfferingRepository offerings, RecordHistory history,
            CatalogEventPublisher events, CatalogConfig config, IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        this.items = items;
        this.offerings = offerings;
        this.history = history;
        this.events = events;
        this.config = config;
    }

    void warmUpForms(@Observes StartupEvent event) {
        FormValidator.warmUp();
    }

    @WithTransaction
    public Uni<PortfolioService.Created<CatalogItem>> create(CreateItem request, Actor actor, String idempotencyKey,
            String rawBody) {
        return idempotencyKeys.createOnce(actor.name(), idempotencyKey, rawBody, () -> insert(request, actor))
                .flatMap(outcome -> items.findById(outcome.id())
                        .map(item -> new PortfolioService.Created<>(item, !outcome.replayed())));
    }

    private Uni<UUID> insert(CreateItem request, Actor actor) {
        CatalogItem item = new CatalogItem();
        item.id = UUID.randomUUID();
        item.name = request.name().strip();
        item.category = request.category();
        item.description = request.description();
        item.formSchema = checkedForm(request.form());
        item.approvalRule = request.approvalRule();
        item.fulfilmentGroup = request.fulfilmentGroup();
        item.expectedDeliveryHours = request.expectedDeliveryHours();
        item.offeringId = request.offeringId();
        item.published = false;
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        return checkOffering(item.offeringId)
                .flatMap(ignored -> items.persist(item))
                .flatMap(saved -> history.record(saved.id, actor.name(), List.of(
                        FieldChange.of("approvalRule", null, saved.approvalRule),
                        FieldChange.of("fulfilmentGroup", null, saved.fulfilmentGroup))))
                .map(ignored -> item.id);
    }

    /** Requesters only see published items; a hidden one looks missing to them. */
    @WithSession
    public Uni<CatalogItem> get(UUID id, Actor actor) {
        return items.findById(id).invoke(item -> {
            if (item == null || !item.published && !actor.managesCatalog() && !actor.fulfils()) {
                throw ApiProblem.notFound("Catalog item", id);
            }
        });
    }

    @WithSession
    public Uni<PageResult<CatalogItem>> list(String category, Boolean published, String text, PageRequest page,
            Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!actor.managesCatalog() && !actor.fulfils()) {
            conditions.add("published = true");
        } else if (published != null) {
            conditions.add("published = :published");
            parameters.and("published", published);
        }
        if (category != null) {
            conditions.add("category = :category");
            parameters.and("category", category);
        }
        if (text != null && !text.isBlank()) {
            conditions.add("(lower(name) like :text or lower(description) like :text)");
            parameters.and("text", "%" + text.toLowerCase().replace("%", "\\%") + "%");
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new PagedQuery<>(CatalogItem.class, where, parameters).fetch(page);
    }

    @WithTransaction
    public Uni<CatalogItem> update(UUID id, String ifMatch, UpdateItem request, Actor actor) {
        return get(id, actor).flatMap(item -> {
            ETags.requireCurrent(ifMatch, item.version);
            List<FieldChange> changes = new ArrayList<>();
            if (request.name() != null) {
                changes.add(FieldChange.of("name", item.name, request.name().strip()));
                item.name = request.name().strip();
            }
            if (request.category() != null) {
                changes.add(FieldChange.of("category", item.category, request.category()));
                item.category = request.category();
            }
            if (request.description() != null) {
                changes.add(FieldChange.of("description", item.description, request.description()));
                item.description = request.description();
            }
            if (request.form() != null) {
                String form = checkedForm(request.form());
                changes.add(FieldChange.of("form", item.formSchema, form));
                item.formSchema = form;
            }
            if (request.approvalRule() != null) {
                changes.add(FieldChange.of("approvalRule", item.approvalRule, request.approvalRule()));
                item.approvalRule = request.approvalRule();
            }
            if (request.fulfilmentGroup() != null) {
                changes.add(FieldChange.of("fulfilmentGroup", item.fulfilmentGroup, request.fulfilmentGroup()));
                item.fulfilmentGroup = request.fulfilmentGroup();
            }
            if (request.expectedDeliveryHours() != null) {
                changes.add(FieldChange.of("expectedDeliveryHours", item.expectedDeliveryHours,
                        request.expectedDeliveryHours()));
                item.expectedDeliveryHours = request.expectedDeliveryHours();
            }
            if (request.offeringId() != null) {
                changes.add(FieldChange.of("offeringId", item.offeringId, request.offeringId()));
                item.offeringId = request.offeringId();
            }
            if (changes.stream().noneMatch(FieldChange::changed)) {
                return Uni.createFrom().item(item);
            }
            item.updatedAt = Instant.now();
            return checkOffering(item.offeringId)
                    .flatMap(ignored -> history.record(item.id, actor.name(), changes))
                    .map(ignored -> item);
        });
    }

    /** Publishing makes the item orderable; both moves are evented for the other services' read models. */
    @WithTransaction
    public Uni<CatalogItem> publish(UUID id, String ifMatch, boolean publish, Actor actor) {
        return get(id, actor).flatMap(item -> {
            ETags.requireCurrent(ifMatch, item.version);
            if (item.published == publish) {
                throw ApiProblem.illegalMove(publish ? "publish" : "unpublish",
                        item.published ? "PUBLISHED" : "UNPUBLISHED", List.of(publish ? "unpublish" : "publish"));
            }
            Uni<Void> check = publish ? checkOffering(item.offeringId) : Uni.createFrom().voidItem();
            return check.flatMap(ignored -> {
                item.published = publish;
                item.updatedAt = Instant.now();
                return history.record(item.id, actor.name(), List.of(FieldChange.of("published", !publish, publish)));
            }).flatMap(ignored -> events.item(publish ? EventTypes.CATALOG_ITEM_PUBLISHED
                    : EventTypes.CATALOG_ITEM_UNPUBLISHED, item)).map(ignored -> item);
        });
    }

    @WithSession
    public Uni<List<org.itsm.support.persistence.HistoryEntry>> history(UUID id, Actor actor) {
        return get(id, actor).flatMap(item -> history.of(item.id));
    }

    private String checkedForm(JsonNode form) {
        String json = form.toString();
        if (json.length() > config.maxFormJsonLength()) {
            throw ApiProblem.invalidField("form", "larger than " + config.maxFormJsonLength() + " characters");
        }
        List<FormValidator.FieldProblem> problems = FormValidator.checkDefinition("form", form);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems.stream()
                    .map(problem -> new FieldError(problem.field(), problem.message())).toList());
        }
        return json;
    }

    private Uni<Void> checkOffering(UUID offeringId) {
        if (offeringId == null) {
            return Uni.createFrom().voidItem();
        }
        return offerings.findById(offeringId).invoke(offering -> {
            if (offering == null || offering.status != OfferingStatus.ACTIVE) {
                throw ApiProblem.invalidField("offeringId", "no active offering " + offeringId);
            }
        }).replaceWithVoid();
    }
}
