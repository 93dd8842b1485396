package org.itsm.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.itsm.catalog.config.CatalogConfig;
import org.itsm.catalog.service.Actor;
import org.itsm.support.rest.ETags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/** What every resource needs: the acting user (with the manager claim), ETags and the raw body for idempotency. */
@ApplicationScoped
public class ResourceSupport {

    private final SecurityIdentity identity;
    private final ObjectMapper objectMapper;
    private final CatalogConfig config;

    public ResourceSupport(SecurityIdentity identity, ObjectMapper objectMapper, CatalogConfig config) {
        this.identity = identity;
        this.objectMapper = objectMapper;
        this.config = config;
    }

    public Actor actor() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(config.managerClaim())
                : null;
        String manager = claim instanceof jakarta.json.JsonString text ? text.getString()
                : claim == null ? null : claim.toString();
        return new Actor(identity.getPrincipal().getName(), identity.getRoles(),
                manager == null || manager.isBlank() ? null : manager);
    }

    /** The ETag header value: the entity tag without quotes, as JAX-RS adds them. */
    public static String etag(long version) {
        return ETags.of(version).replace("\"", "");
    }

    public String json(Object request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
