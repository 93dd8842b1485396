package org.itsm.change.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeTemplate;
import org.itsm.change.repository.ChangeTemplateRepository;
import org.itsm.change.service.ChangeCommands.NewTemplate;
import org.itsm.support.rest.ApiProblem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Standard change templates: the pre-approved, repeatable changes. */
@ApplicationScoped
public class TemplateService {

    private final ChangeTemplateRepository templates;
    private final Clock clock;

    public TemplateService(ChangeTemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<ChangeTemplate>> list() {
        return templates.list("active = true order by name");
    }

    @WithSession
    public Uni<ChangeTemplate> get(UUID id) {
        return templates.findById(id).invoke(template -> {
            if (template == null) {
                throw ApiProblem.notFound("Standard change template", id);
            }
        });
    }

    @WithTransaction
    public Uni<ChangeTemplate> create(NewTemplate request, Actor actor) {
        return templates.count("lower(name) = ?1", request.name().strip().toLowerCase()).flatMap(existing -> {
            if (existing > 0) {
                throw ApiProblem.conflict("A standard change template named '" + request.name().strip()
                        + "' already exists");
            }
            ChangeTemplate template = new ChangeTemplate();
            template.id = UUID.randomUUID();
            template.name = request.name().strip();
            template.description = request.description();
            template.implementationPlan = request.implementationPlan();
            template.backoutPlan = request.backoutPlan();
            template.testPlan = request.testPlan();
            template.active = true;
            template.createdBy = actor.name();
            template.createdAt = clock.instant();
            return templates.persist(template);
        });
    }
}
