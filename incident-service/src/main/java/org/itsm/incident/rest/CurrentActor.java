package org.itsm.incident.rest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.itsm.incident.service.Actor;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the request as an {@link Actor}: user name, realm roles and assignment groups. The one place that
 * reads the token's {@value #GROUPS_CLAIM} claim (Keycloak's group membership mapper, group names without path; not
 * {@code groups}, which Quarkus reads as roles). A token without the claim belongs to no group.
 */
@RequestScoped
public class CurrentActor {

    public static final String GROUPS_CLAIM = "assignment_groups";

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor get() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles(), groups());
    }

    /** The token subject (stable when a user is renamed): who owns saved views. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private Set<String> groups() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(GROUPS_CLAIM);
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> add(groups, value));
        } else if (claim != null) {
            add(groups, claim);
        }
        return groups;
    }

    private static void add(Set<String> groups, Object value) {
        String name = value instanceof JsonString json ? json.getString() : String.valueOf(value);
        if (!name.isBlank()) {
            groups.add(name);
        }
    }
}
