package org.itsm.incident.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;
import org.itsm.incident.domain.SavedView;
import org.itsm.incident.domain.SavedViewRules;
import org.itsm.incident.repository.SavedViewRepository;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Saved queue views: the owner's and those shared with their groups, under the rules of {@link SavedViewRules}.
 * The owner is the token subject ({@code subject}); the actor's name is kept for display.
 */
@ApplicationScoped
public class SavedViews {

    /** A view's content as the owner sends it. */
    public record ViewContent(String name, Map<String, String> filters, String sharedWith) {
    }

    private final SavedViewRepository views;
    private final Clock clock;

    public SavedViews(SavedViewRepository views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<SavedView>> list(String subject, Actor actor) {
        return views.visibleTo(subject, actor.groups());
    }

    @WithSession
    public Uni<SavedView> get(UUID id, String subject, Actor actor) {
        return visible(id, subject, actor);
    }

    @WithTransaction
    public Uni<SavedView> create(ViewContent content, String subject, Actor actor) {
        check(content, actor);
        SavedView view = new SavedView();
        view.id = UUID.randomUUID();
        view.owner = subject;
        view.createdAt = clock.instant();
        apply(view, content, actor);
        return views.persist(view).flatMap(ignored -> flushUnique(view));
    }

    @WithTransaction
    public Uni<SavedView> replace(UUID id, String ifMatch, ViewContent content, String subject, Actor actor) {
        return owned(id, subject, actor).flatMap(view -> {
            ETags.requireCurrent(ifMatch, view.version);
            check(content, actor);
            apply(view, content, actor);
            return flushUnique(view);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch, String subject, Actor actor) {
        return owned(id, subject, actor).flatMap(view -> {
            ETags.requireCurrent(ifMatch, view.version);
            return views.delete(view);
        });
    }

    private static void check(ViewContent content, Actor actor) {
        SavedViewRules.requireValidFilters(content.filters(), IncidentQueries.SORTABLE.keySet());
        SavedViewRules.requireSharable(content.sharedWith(), actor.groups());
    }

    private Uni<SavedView> visible(UUID id, String subject, Actor actor) {
        return views.findById(id).map(view -> {
            if (view == null || !SavedViewRules.sees(view, subject, actor.groups())) {
                throw ApiProblem.notFound("Saved view", id);
            }
            return view;
        });
    }

    /** The owner's view; a member of the group it is shared with sees it but may not change it (403). */
    private Uni<SavedView> owned(UUID id, String subject, Actor actor) {
        return visible(id, subject, actor).map(view -> {
            if (!SavedViewRules.owns(view, subject)) {
                throw ApiProblem.forbidden("Only the owner (" + view.ownerName + ") may change the saved view " + id);
            }
            return view;
        });
    }

    private void apply(SavedView view, ViewContent content, Actor actor) {
        view.ownerName = actor.name();
        view.name = content.name();
        view.filters = Map.copyOf(content.filters());
        view.sharedWith = content.sharedWith();
        view.updatedAt = clock.instant();
    }

    private Uni<SavedView> flushUnique(SavedView view) {
        return Panache.flush()
                .onFailure(ConstraintViolationException.class)
                .transform(duplicate -> ApiProblem.conflict("You already have a saved view named " + view.name))
                .map(ignored -> view);
    }
}
