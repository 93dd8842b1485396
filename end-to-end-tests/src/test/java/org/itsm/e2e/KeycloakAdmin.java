package org.itsm.e2e;

import static io.restassured.RestAssured.given;

import org.itsm.devstack.DevStack;
import org.itsm.devstack.KeycloakLauncher;

/** Test-only set-up in the running Keycloak through its admin REST API (never in the realm file). */
final class KeycloakAdmin {

    private static final String SHORT_LIVED_CLIENT = "itsm-e2e-short-lived";

    private KeycloakAdmin() {
    }

    /** A real token of realm itsm that expires after {@code seconds}, from a public client made for that. */
    static String shortLivedToken(String user, int seconds) {
        String admin = Tokens.fetch("master", "admin-cli", KeycloakLauncher.ADMIN_USERNAME,
                KeycloakLauncher.ADMIN_PASSWORD);
        String clients = PlatformExtension.stack().keycloak().url() + "/admin/realms/" + DevStack.REALM + "/clients";
        boolean exists = !given().header("Authorization", admin).queryParam("clientId", SHORT_LIVED_CLIENT)
                .get(clients).then().statusCode(200).extract().jsonPath().getList("$").isEmpty();
        if (!exists) {
            given().header("Authorization", admin).contentType("application/json").body("""
                    {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                     "standardFlowEnabled": false, "defaultClientScopes": ["itsm-api", "roles", "profile"],
                     "attributes": {"access.token.lifespan": "%d"}}""".formatted(SHORT_LIVED_CLIENT, seconds))
                    .post(clients).then().statusCode(201);
        }
        return Tokens.fetch(DevStack.REALM, SHORT_LIVED_CLIENT, user, user);
    }
}
