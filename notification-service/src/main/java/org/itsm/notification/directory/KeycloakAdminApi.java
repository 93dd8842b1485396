package org.itsm.notification.directory;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

/**
 * The calls of Keycloak the directory needs: a service-account token, a user by exact username or email, a user's
 * realm roles, a group by exact name and its members, the users holding a realm role.
 */
@RegisterRestClient(configKey = "keycloak")
public interface KeycloakAdminApi {

    @POST
    @Path("/realms/{realm}/protocol/openid-connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<TokenResponse> token(@PathParam("realm") String realm, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);

    @GET
    @Path("/admin/realms/{realm}/users")
    Uni<List<KeycloakUser>> users(@PathParam("realm") String realm, @QueryParam("username") String username,
            @QueryParam("exact") boolean exact, @QueryParam("briefRepresentation") boolean brief,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/admin/realms/{realm}/users")
    Uni<List<KeycloakUser>> usersByEmail(@PathParam("realm") String realm, @QueryParam("email") String email,
            @QueryParam("exact") boolean exact, @QueryParam("briefRepresentation") boolean brief,
            @HeaderParam("Authorization") String authorization);

    /** The user's effective realm roles (composites expanded). */
    @GET
    @Path("/admin/realms/{realm}/users/{id}/role-mappings/realm/composite")
    Uni<List<KeycloakRole>> realmRoles(@PathParam("realm") String realm, @PathParam("id") String userId,
            @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakRole(String name) {
    }

    @GET
    @Path("/admin/realms/{realm}/groups")
    Uni<List<KeycloakGroup>> groups(@PathParam("realm") String realm, @QueryParam("search") String name,
            @QueryParam("exact") boolean exact, @QueryParam("briefRepresentation") boolean brief,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/admin/realms/{realm}/groups/{id}/members")
    Uni<List<KeycloakUser>> groupMembers(@PathParam("realm") String realm, @PathParam("id") String groupId,
            @QueryParam("briefRepresentation") boolean brief, @QueryParam("max") int max,
            @HeaderParam("Authorization") String authorization);

    /** 404 when the realm has no such role. */
    @GET
    @Path("/admin/realms/{realm}/roles/{role}/users")
    Uni<List<KeycloakUser>> roleUsers(@PathParam("realm") String realm, @PathParam("role") String role,
            @QueryParam("briefRepresentation") boolean brief, @QueryParam("max") int max,
            @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakGroup(String id, String name, String path) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakUser(String id, String username, String email, Boolean enabled,
            Map<String, List<String>> attributes) {
    }
}
