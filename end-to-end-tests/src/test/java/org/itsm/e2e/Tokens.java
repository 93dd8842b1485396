package org.itsm.e2e;

import static io.restassured.RestAssured.given;

import org.itsm.devstack.DevStack;

/** Real tokens from the running Keycloak, for the demo users (password = user name). */
public final class Tokens {

    private Tokens() {
    }

    public static String bearer(String user) {
        String token = given().formParam("client_id", "itsm-cli").formParam("grant_type", "password")
                .formParam("username", user).formParam("password", user)
                .post(PlatformExtension.stack().keycloak().issuer(DevStack.REALM) + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return "Bearer " + token;
    }
}
