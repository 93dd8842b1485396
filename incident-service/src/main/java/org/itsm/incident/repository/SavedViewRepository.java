package org.itsm.incident.repository;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.SavedView;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SavedViewRepository implements PanacheRepositoryBase<SavedView, UUID> {

    /** The owner's views and those shared with one of {@code groups}, by name. */
    public Uni<List<SavedView>> visibleTo(String owner, Set<String> groups) {
        if (groups.isEmpty()) {
            return list("owner = :owner", Sort.by("name").and("id"), Parameters.with("owner", owner));
        }
        return list("owner = :owner or sharedWith in :groups", Sort.by("name").and("id"),
                Parameters.with("owner", owner).and("groups", groups));
    }
}
