package org.itsm.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.itsm.gateway.problem.Problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Admits only authenticated callers to the API. quarkus-oidc has verified the bearer token (signature, issuer,
 * audience, expiry) before any route runs; roles are left to the services, which check the token again.
 */
@ApplicationScoped
public class AuthenticationGate {

    /** Routing-context key of the caller's identifier, used for per-caller rate limits. */
    public static final String CALLER = "itsm.gateway.caller";

    /** Route handler: 401 for anonymous requests, otherwise records the caller and goes on. */
    public void requireCaller(RoutingContext rc) {
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                reject(rc, "Bearer", "A bearer token is required");
            } else {
                rc.put(CALLER, callerOf(identity));
                rc.next();
            }
        }, rc::fail);
    }

    /**
     * Failure handler: quarkus-oidc fails the request with an {@link AuthenticationException} when it rejects a
     * token, and with an {@link OIDCException} when it cannot reach Keycloak to verify one; answer both with problem
     * details instead of an empty 401 and a 500.
     */
    public void onFailure(RoutingContext rc) {
        if (rc.response().ended()) {
            rc.next();
        } else if (rc.failure() instanceof AuthenticationException) {
            reject(rc, "Bearer error=\"invalid_token\"", "The bearer token is invalid, expired or not issued for this API");
        } else if (rc.failure() instanceof OIDCException) {
            Problem.identityProviderUnavailable().send(rc);
        } else {
            rc.next();
        }
    }

    private static void reject(RoutingContext rc, String challenge, String detail) {
        rc.response().headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        Problem.unauthorized(detail).send(rc);
    }

    // The subject is stable per user and per service account; azp identifies a client whose token lacks one.
    static String callerOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] { "sub", "preferred_username", "azp" }) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return claim + ":" + value;
                }
            }
        }
        return "name:" + identity.getPrincipal().getName();
    }
}
