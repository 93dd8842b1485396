package org.itsm.change.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeTemplate;
import org.itsm.change.domain.ChangeType;
import org.itsm.change.messaging.ChangeEventPublisher;
import org.itsm.change.repository.CatalogReadModelRepository;
import org.itsm.change.repository.ChangeTemplateRepository;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.CatalogUpdateRules;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.smallrye.mutiny.Uni;

/**
 * Whether a raised or edited change fits: its window order, live catalog services and active offerings of those
 * services (from the catalog read model), a template for standard changes (whose plans it takes), and its catalog
 * update. 422 naming each field.
 */
@ApplicationScoped
public class ChangeValidation {

    private final CatalogReadModelRepository catalog;
    private final ChangeTemplateRepository templates;
    private final ChangeEventPublisher events;

    public ChangeValidation(CatalogReadModelRepository catalog, ChangeTemplateRepository templates,
            ChangeEventPublisher events) {
        this.catalog = catalog;
        this.templates = templates;
        this.events = events;
    }

    /**
     * Window order, live catalog services, offerings of those services (an offering's service becomes affected too),
     * a template for standard changes, and (when {@code checkCatalogUpdate}) the catalog update.
     */
    Uni<Void> validate(ChangeRequest change, boolean checkCatalogUpdate) {
        if (change.plannedStart != null && change.plannedEnd != null && !change.plannedEnd.isAfter(change.plannedStart)) {
            throw ApiProblem.invalidField("plannedEnd", "must be after plannedStart");
        }
        if (change.type != ChangeType.STANDARD && change.templateId != null) {
            throw ApiProblem.invalidField("templateId", "only standard changes come from a template");
        }
        if (change.type == ChangeType.STANDARD && change.templateId == null) {
            throw ApiProblem.invalidField("templateId", "a standard change names its pre-approved template");
        }
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (UUID offeringId : change.affectedOfferingIds) {
            checks = checks.flatMap(ignored -> catalog.offering(offeringId).invoke(offering -> {
                if (offering == null || OfferingStatus.RETIRED.name().equals(offering.status)) {
                    throw ApiProblem.invalidField("affectedOfferingIds", "no active catalog offering " + offeringId);
                }
                if (!change.affectedServiceIds.contains(offering.serviceId)) {
                    // the offering's service is affected too
                    List<UUID> services = new ArrayList<>(change.affectedServiceIds);
                    services.add(offering.serviceId);
                    change.affectedServiceIds = List.copyOf(services);
                }
            }).replaceWithVoid());
        }
        return checks.flatMap(ignored -> {
            Uni<Void> services = Uni.createFrom().voidItem();
            for (UUID serviceId : change.affectedServiceIds) {
                services = services.flatMap(done -> catalog.service(serviceId).invoke(service -> {
                    if (service == null || Lifecycle.RETIRED.name().equals(service.lifecycle)) {
                        throw ApiProblem.invalidField("affectedServiceIds", "no catalog service in use " + serviceId);
                    }
                }).replaceWithVoid());
            }
            return checkCatalogUpdate ? services.flatMap(done -> validateCatalogUpdate(change)) : services;
        });
    }

    /**
     * The contract's value rules ({@link CatalogUpdateRules}, the same the catalog applies) and, from the catalog read
     * model, retired and SLA offerings that exist and belong to the affected services.
     */
    private Uni<Void> validateCatalogUpdate(ChangeRequest change) {
        CatalogUpdate update = events.catalogUpdate(change.catalogUpdate);
        if (update == null) {
            return Uni.createFrom().voidItem();
        }
        List<ProblemDetail.FieldError> errors = new ArrayList<>(CatalogUpdateRules.check(update,
                change.affectedServiceIds).stream()
                .map(error -> new ProblemDetail.FieldError(error.field(), error.message())).toList());
        List<UUID> retired = update.offeringsRetired() == null ? List.of() : update.offeringsRetired();
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (int i = 0; i < retired.size(); i++) {
            String field = "catalogUpdate.offeringsRetired[" + i + "]";
            UUID offeringId = retired.get(i);
            if (offeringId != null) {
                checks = checks.flatMap(done -> offeringOfAffected(change, offeringId, field, errors));
            }
        }
        if (update.slaOfferingId() != null) {
            checks = checks.flatMap(done -> offeringOfAffected(change, update.slaOfferingId(),
                    "catalogUpdate.slaOfferingId", errors));
        }
        return checks.invoke(() -> {
            if (!errors.isEmpty()) {
                throw ApiProblem.unprocessableFields(errors);
            }
        });
    }

    private Uni<Void> offeringOfAffected(ChangeRequest change, UUID offeringId, String field,
            List<ProblemDetail.FieldError> errors) {
        return catalog.offering(offeringId).invoke(offering -> {
            if (offering == null) {
                errors.add(new ProblemDetail.FieldError(field, "no catalog offering " + offeringId));
            } else if (!change.affectedServiceIds.contains(offering.serviceId)) {
                errors.add(new ProblemDetail.FieldError(field, "offering " + offeringId
                        + " is not an offering of the change's affected services"));
            } else if (OfferingStatus.RETIRED.name().equals(offering.status)) {
                errors.add(new ProblemDetail.FieldError(field, "offering " + offeringId + " is retired"));
            }
        }).replaceWithVoid();
    }

    /** A standard change takes the template's plans where it has none of its own. */
    Uni<Void> applyTemplate(ChangeRequest change) {
        if (change.type != ChangeType.STANDARD) {
            return Uni.createFrom().voidItem();
        }
        return templates.findById(change.templateId).invoke((ChangeTemplate template) -> {
            if (template == null || !template.active) {
                throw ApiProblem.invalidField("templateId", "no active standard change template " + change.templateId);
            }
            change.implementationPlan = blank(change.implementationPlan) ? template.implementationPlan
                    : change.implementationPlan;
            change.backoutPlan = blank(change.backoutPlan) ? template.backoutPlan : change.backoutPlan;
            change.testPlan = blank(change.testPlan) ? template.testPlan : change.testPlan;
        }).replaceWithVoid();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
