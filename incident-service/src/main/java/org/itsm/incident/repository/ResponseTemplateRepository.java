package org.itsm.incident.repository;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.ResponseTemplate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResponseTemplateRepository implements PanacheRepositoryBase<ResponseTemplate, UUID> {

    private static final Sort BY_GROUP_AND_NAME = Sort.by("assignmentGroup").and("name");

    /** The templates of the groups ({@code null}: of every group), optionally of one language, by group and name. */
    public Uni<List<ResponseTemplate>> listOf(Set<String> groups, String language) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (groups != null) {
            where.append(" and assignmentGroup in :groups");
            parameters.and("groups", groups);
        }
        if (language != null) {
            where.append(" and (language = :language or language is null)");
            parameters.and("language", language);
        }
        return list(where.toString(), BY_GROUP_AND_NAME, parameters);
    }
}
