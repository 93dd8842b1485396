package org.itsm.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.service.Actor;

import io.quarkus.security.identity.SecurityIdentity;

/** The acting user of a request, with the manager their token names (the realm maps the user attribute). */
@ApplicationScoped
public class ResourceSupport {

    private final SecurityIdentity identity;
    private final CatalogConfig config;

    public ResourceSupport(SecurityIdentity identity, CatalogConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Actor actor() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(config.managerClaim())
                : null;
        String manager = claim instanceof JsonString text ? text.getString()
                : claim == null ? null : claim.toString();
        return new Actor(identity.getPrincipal().getName(), identity.getRoles(),
                manager == null || manager.isBlank() ? null : manager);
    }
}
