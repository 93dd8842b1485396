package org.itsm.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.domain.CatalogAccess;
import org.itsm.catalog.domain.CatalogItem;
import org.itsm.catalog.domain.FormValidator;
import org.itsm.catalog.domain.ItemPublication;
import org.itsm.catalog.messaging.CatalogEventPublisher;
import org.itsm.catalog.repository.CatalogItemRepository;
import org.itsm.catalog.repository.OfferingRepository;
import org.itsm.catalog.service.RequestCommands.DefineItem;
import org.itsm.catalog.service.RequestCommands.EditItem;
import org.itsm.events.EventTypes;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.FieldEdits;
import org.itsm.support.persistence.IdempotencyKeys;
import org.itsm.support.persistence.PagedQuery;
import org.itsm.support.persistence.RecordHistory;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.FieldErrorCode;
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

/**
 * Requestable items: their forms, approval rules and fulfilment groups; publish and unpublish
 * ({@link ItemPublication}); who sees unpublished ones ({@link CatalogAccess}).
 */
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
    private final Clock clock;

    public CatalogItems(CatalogItemRepository items, OfferingRepository offerings, RecordHistory history,
            CatalogEventPublisher events, CatalogConfig config, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.clock = clock;
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
    public Uni<Created<CatalogItem>> create(DefineItem command, Actor actor, String idempotencyKey) {
        return Created.once(idempotencyKeys, actor, idempotencyKey, command, () -> insert(command, actor),
                items::findById);
    }

    private Uni<UUID> insert(DefineItem command, Actor actor) {
        CatalogItem item = new CatalogItem();
        item.id = UUID.randomUUID();
        item.name = command.name().strip();
        item.category = command.category();
        item.description = command.description();
        item.formSchema = checkedForm(command.form());
        item.approvalRule = command.approvalRule();
        item.fulfilmentGroup = command.fulfilmentGroup();
        item.expectedDeliveryHours = command.expectedDeliveryHours();
        item.offeringId = command.offeringId();
        item.published = false;
        item.createdAt = Instant.now(clock);
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
            if (item == null || !CatalogAccess.sees(item, actor.who())) {
                throw ApiProblem.notFound("Catalog item", id);
            }
        });
    }

    @WithSession
    public Uni<PageResult<CatalogItem>> list(String category, Boolean published, String text, PageRequest page,
            Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!CatalogAccess.seesUnpublishedItems(actor.who())) {
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
    public Uni<CatalogItem> update(UUID id, String ifMatch, EditItem command, Actor actor) {
        return get(id, actor).flatMap(item -> {
            ETags.requireCurrent(ifMatch, item.version);
            FieldEdits edits = new FieldEdits();
            edits.set("name", command.name() == null ? null : command.name().strip(), item.name,
                    name -> item.name = name);
            edits.set("category", command.category(), item.category, category -> item.category = category);
            edits.set("description", command.description(), item.description,
                    description -> item.description = description);
            edits.set("form", command.form() == null ? null : checkedForm(command.form()), item.formSchema,
                    form -> item.formSchema = form);
            edits.set("approvalRule", command.approvalRule(), item.approvalRule, rule -> item.approvalRule = rule);
            edits.set("fulfilmentGroup", command.fulfilmentGroup(), item.fulfilmentGroup,
                    group -> item.fulfilmentGroup = group);
            edits.set("expectedDeliveryHours", command.expectedDeliveryHours(), item.expectedDeliveryHours,
                    hours -> item.expectedDeliveryHours = hours);
            edits.set("offeringId", command.offeringId(), item.offeringId, offering -> item.offeringId = offering);
            if (edits.isEmpty()) {
                return Uni.createFrom().item(item);
            }
            item.updatedAt = Instant.now(clock);
            return checkOffering(item.offeringId)
                    .flatMap(ignored -> history.record(item.id, actor.name(), edits.changes()))
                    .map(ignored -> item);
        });
    }

    /** Publishing makes the item orderable; both moves are evented for the other services' read models. */
    @WithTransaction
    public Uni<CatalogItem> publish(UUID id, String ifMatch, boolean publish, Actor actor) {
        return get(id, actor).flatMap(item -> {
            ETags.requireCurrent(ifMatch, item.version);
            ItemPublication.apply(item.published, publish ? ItemPublication.PUBLISH : ItemPublication.UNPUBLISH);
            Uni<Void> check = publish ? checkOffering(item.offeringId) : Uni.createFrom().voidItem();
            return check.flatMap(ignored -> {
                item.published = publish;
                item.updatedAt = Instant.now(clock);
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
            throw ApiProblem.invalidField(FieldError.of("form", "larger than " + config.maxFormJsonLength()
                    + " characters", FieldErrorCode.TOO_LONG, Map.of("max", config.maxFormJsonLength())));
        }
        List<FormValidator.FieldProblem> problems = FormValidator.checkDefinition("form", form);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems.stream()
                    .map(problem -> FieldError.of(problem.field(), problem.message(), problem.code(),
                                problem.params())).toList());
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
