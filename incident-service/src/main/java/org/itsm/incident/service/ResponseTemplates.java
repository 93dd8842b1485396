package org.itsm.incident.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;
import org.itsm.incident.domain.ResponseTemplate;
import org.itsm.incident.domain.ResponseTemplateAccess;
import org.itsm.incident.repository.ResponseTemplateRepository;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Response templates shared per assignment group: list, read, create, replace, delete, with the access rules of
 * {@link ResponseTemplateAccess}. A template the caller does not see is answered as missing.
 */
@ApplicationScoped
public class ResponseTemplates {

    /** A template's content as the caller sends it; {@code language} is {@code ko}, {@code en} or null. */
    public record TemplateContent(String name, String assignmentGroup, String body, String language) {
    }

    private final ResponseTemplateRepository templates;
    private final Clock clock;

    public ResponseTemplates(ResponseTemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** The templates the actor sees, optionally of one group and of one language (those without one included). */
    @WithSession
    public Uni<List<ResponseTemplate>> list(String group, String language, Actor actor) {
        Set<String> groups;
        if (ResponseTemplateAccess.seesEveryGroup(actor.roles())) {
            groups = group == null ? null : Set.of(group);
        } else if (group != null) {
            groups = ResponseTemplateAccess.sees(group, actor.roles(), actor.groups()) ? Set.of(group) : Set.of();
        } else {
            groups = actor.groups();
        }
        if (groups != null && groups.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return templates.listOf(groups, language);
    }

    @WithSession
    public Uni<ResponseTemplate> get(UUID id, Actor actor) {
        return visible(id, actor);
    }

    @WithTransaction
    public Uni<ResponseTemplate> create(TemplateContent content, Actor actor) {
        ResponseTemplateAccess.requireMayChange(content.assignmentGroup(), actor.roles(), actor.groups());
        ResponseTemplate template = new ResponseTemplate();
        template.id = UUID.randomUUID();
        template.createdBy = actor.name();
        template.createdAt = clock.instant();
        apply(template, content, actor);
        return templates.persist(template).flatMap(ignored -> flushUnique(template));
    }

    @WithTransaction
    public Uni<ResponseTemplate> replace(UUID id, String ifMatch, TemplateContent content, Actor actor) {
        return visible(id, actor).flatMap(template -> {
            ETags.requireCurrent(ifMatch, template.version);
            ResponseTemplateAccess.requireMayChange(content.assignmentGroup(), actor.roles(), actor.groups());
            apply(template, content, actor);
            return flushUnique(template);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch, Actor actor) {
        return visible(id, actor).flatMap(template -> {
            ETags.requireCurrent(ifMatch, template.version);
            return templates.delete(template);
        });
    }

    private Uni<ResponseTemplate> visible(UUID id, Actor actor) {
        return templates.findById(id).map(template -> {
            if (template == null
                    || !ResponseTemplateAccess.sees(template.assignmentGroup, actor.roles(), actor.groups())) {
                throw ApiProblem.notFound("Response template", id);
            }
            return template;
        });
    }

    private void apply(ResponseTemplate template, TemplateContent content, Actor actor) {
        template.name = content.name();
        template.assignmentGroup = content.assignmentGroup();
        template.body = content.body();
        template.language = content.language();
        template.updatedBy = actor.name();
        template.updatedAt = clock.instant();
    }

    /** Writes now, so that a second template of the same name in the group is 409 rather than a failed commit. */
    private Uni<ResponseTemplate> flushUnique(ResponseTemplate template) {
        return Panache.flush()
                .onFailure(ConstraintViolationException.class)
                .transform(duplicate -> ApiProblem.conflict("The group " + template.assignmentGroup
                        + " already has a template named " + template.name))
                .map(ignored -> template);
    }
}
